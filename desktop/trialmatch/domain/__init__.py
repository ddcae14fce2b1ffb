"""Pure-Python core: models, units, criteria parsing, evaluation and ranking. No Qt, no SQLite."""
