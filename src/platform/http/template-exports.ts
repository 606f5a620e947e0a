/**
 * Nunjucks runs a template's top level afresh each time another template imports from it without
 * context (`{% from "…/macro.njk" import govukTag %}`), only to collect the same macros again. The
 * layout imports some twenty GOV.UK Design System macros on every page, and each component's
 * template imports its attribute macros on every call of the component, so a 300-row table with a
 * tag per row re-ran hundreds of imports per page (about a tenth of the page's CPU time).
 *
 * Imported without context, a template sees nothing of the importer: only the environment's
 * globals, which its macros look up when called, not when imported. What it exports is therefore
 * the same every time, and is kept per compiled template. A template recompiled (a new Template
 * object, as a watching loader makes) is a new key; an import with context is never cached.
 */
import nunjucks from 'nunjucks';

type Done = (error: Error | null, exported: unknown) => void;
type GetExported = (this: object, ...args: unknown[]) => void;

const exportsOf = new WeakMap<object, unknown>();
let installed = false;

export function cacheTemplateExports(): void {
  if (installed) return;
  installed = true;
  const prototype = nunjucks.Template.prototype as unknown as { getExported: GetExported };
  const original = prototype.getExported;
  prototype.getExported = function getExported(this: object, ...args: unknown[]) {
    const [first] = args;
    // Only the form the compiler emits for an import without context: getExported(callback).
    if (args.length !== 1 || typeof first !== 'function') return original.apply(this, args);
    const done = first as Done;
    if (exportsOf.has(this)) return done(null, exportsOf.get(this));
    original.call(this, (error: Error | null, exported: unknown) => {
      if (!error) exportsOf.set(this, exported);
      done(error, exported);
    });
  };
}
