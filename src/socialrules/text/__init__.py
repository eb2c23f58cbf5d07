"""The text layer: folding for matching, entities, and the platforms' own length counts."""
