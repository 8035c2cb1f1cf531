"""One module per command; shared options and the error decorator are in `options`."""
