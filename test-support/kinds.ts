// Every test runs with the kind table installed, as every entry point of the app and the CLI does.
import '../src/core/kinds';
