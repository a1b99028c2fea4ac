// The custom-elements manifest (custom-elements.json) of @collectkit/elements, generated from the
// elements' JSDoc (@summary, @event, @csspart, @cssprop) and Lit's @property decorators.
// Run from this folder: `npx cem analyze` (the root's `npm run manifest` does that).
//
// The manifest describes what the package ships, so module paths are rewritten from the sources
// (`src/collect-quote/define.ts`) to the built files beside them in dist (`dist/collect-quote/define.js`).
// It is a build output (not committed: it would go stale with every JSDoc edit); package.json's
// `customElements` and `files` name it, so `npm pack` after the build ships it.
// src/custom-elements-manifest.node-test.ts runs this config and checks what it produces.

/** `src/a/b.ts` → `dist/a/b.js`; anything else unchanged. */
const shippedPath = (path) => (typeof path === 'string' ? path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js') : path);

/** Rewrites every module path and every cross-module reference to the shipped files. */
function shippedPaths() {
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shippedPath(value);
      else visit(value);
    }
  };
  return { name: 'collectkit-shipped-paths', packageLinkPhase: ({ customElementsManifest }) => visit(customElementsManifest) };
}

/**
 * Tags are registered through `defineElement('collect-quote', CollectQuote)` (a guarded
 * customElements.define, src/define-element.ts) and, for the controls an element uses, through its
 * `static dependencies = { 'collect-file-drop': CollectFileDrop }`. The analyzer only knows
 * customElements.define, so this adds the same `custom-element-definition` exports for both and
 * links each class to its tag.
 */
function collectkitDefinitions() {
  /** tag → class name, from every defineElement call and dependencies map. */
  const tags = new Map();
  return {
    name: 'collectkit-definitions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineElement') {
        const [tag, klass] = node.arguments;
        if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
        const module = importedFrom(ts, node.getSourceFile(), klass.text, moduleDoc.path);
        tags.set(tag.text, klass.text);
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
        ];
      }
      if (ts.isPropertyDeclaration(node) && node.name.getText() === 'dependencies' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        for (const entry of node.initializer.properties) {
          if (ts.isPropertyAssignment(entry) && ts.isStringLiteral(entry.name) && ts.isIdentifier(entry.initializer)) {
            if (!tags.has(entry.name.text)) tags.set(entry.name.text, entry.initializer.text);
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class' || declaration.tagName) continue;
          const tag = [...tags].find(([, klass]) => klass === declaration.name)?.[0];
          if (tag) {
            declaration.tagName = tag;
            declaration.customElement = true;
          }
        }
      }
    },
  };
}

/** The module a name is imported from, as a path like the manifest's (`src/collect-quote/collect-quote.ts`). */
function importedFrom(ts, sourceFile, name, fromPath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause?.namedBindings) continue;
    const bindings = statement.importClause.namedBindings;
    if (!ts.isNamedImports(bindings) || !bindings.elements.some((e) => e.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return specifier;
    const dir = fromPath.split('/').slice(0, -1);
    for (const part of specifier.replace(/\.js$/, '.ts').split('/')) {
      if (part === '..') dir.pop();
      else if (part !== '.') dir.push(part);
    }
    return dir.join('/');
  }
  return fromPath; // declared in the same file
}

/**
 * What a page author or a framework needs: the public API. Private and protected members (Lit's
 * @state, render helpers, lifecycle) and the text of the language catalogues are left out; they are
 * not API and made the manifest ten times larger.
 */
function publicApiOnly() {
  return {
    name: 'collectkit-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
          }
          if (declaration.kind === 'variable' && typeof declaration.default === 'string' && declaration.default.length > 200) {
            delete declaration.default;
          }
        }
      }
    },
  };
}

/**
 * The JSDoc `@event` lines give name and description; the types are declared in src/events.ts
 * (GlobalEventHandlersEventMap). <collect-case>'s collect-submit carries the case as well.
 */
const EVENT_TYPES = {
  'collect-ready': 'CustomEvent<CollectReadyDetail>',
  'collect-change': 'CustomEvent<CollectChangeDetail>',
  'collect-quote': 'CustomEvent<CollectQuoteDetail>',
  'collect-submit': 'CustomEvent<CollectSubmitDetail>',
  'collect-error': 'CustomEvent<CollectErrorDetail>',
};
const EVENT_TYPE_OVERRIDES = { 'collect-case': { 'collect-submit': 'CustomEvent<CaseSubmitDetail>' } };

function typedEvents() {
  return {
    name: 'collectkit-typed-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const text = EVENT_TYPE_OVERRIDES[declaration.tagName]?.[event.name] ?? EVENT_TYPES[event.name];
            if (text && !event.type) event.type = { text };
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/testing/**', 'src/**/*.test.ts', 'src/**/*.node-test.ts', 'src/**/*.browser-test.ts', 'src/**/*.worker-probe.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // customElements in package.json is set by hand; the analyzer must not rewrite package.json.
  packagejson: false,
  plugins: [collectkitDefinitions(), publicApiOnly(), typedEvents(), shippedPaths()],
};
