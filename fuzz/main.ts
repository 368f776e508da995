// TensorFlow.js's modules need the CLI's resolve hook (the CLI's train command imports them), and
// the runner imports the CLI: the hook is registered first, then the command line is loaded.
import '../src/cli/tfjs-resolve';

await import('./command');
