"""Conferences, Plans of Action, working groups and the mandates they follow up."""
