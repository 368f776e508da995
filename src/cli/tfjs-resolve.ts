import { register } from 'node:module';

/**
 * TensorFlow.js's gradient registrations exist only as ES modules with extensionless relative
 * imports (and `./gradients` names both a file and a folder), which Node's resolver refuses. This
 * resolve hook retries such an import inside @tensorflow with `.js`, as bundlers resolve it. It
 * must be registered before the command modules load (main.ts imports them afterwards).
 */
const hook = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (specifier.startsWith('.') && !specifier.endsWith('.js') && (context.parentURL ?? '').includes('/@tensorflow/'))
      return next(specifier + '.js', context);
    throw e;
  }
}
`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
