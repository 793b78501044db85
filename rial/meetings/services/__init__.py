"""Named workflow functions of the meetings app: each checks permission and invariants, runs in a
transaction and leaves an audit row (``save_logged``). Views, API, admin and tasks call these."""
