"""The newsletter's pages: public ones (``public``) and the Secretariat's (``editor``)."""
