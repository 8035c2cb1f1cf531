"""What a reader sees of the engine's results, worded in a language: results, measures, explain's
trace, near-miss hints, a screen's summary. Every output format reads these."""
