"""Meetings, electronic consultations, work plans, the calendar, the draft negotiation forum and working group reports."""
