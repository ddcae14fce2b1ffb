"""Data files shipped with TrialMatch, read through ``importlib.resources`` in source and frozen builds."""
