"""What rule files and profiles hold, as immutable values: the condition grammar, the vocabulary,
national reference data, the rules (policies, measures, awards) and a company's profile."""
