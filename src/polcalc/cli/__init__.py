"""The command line: the console script, the typer app, one module per command, running over many
inputs on every core. The only layer that knows of terminals, arguments and exit codes."""
