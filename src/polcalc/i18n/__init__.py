"""Every word polcalc shows, in Chinese and English: the interface's sentences (words), amounts
as each language writes them (numbers), arithmetic and reasons in words (steps), and the
messages of bad input (messages). Above core; below everything that speaks to a person."""
