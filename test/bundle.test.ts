// The built dist/Code.js is what clasp pushes. Apps Script loads it as a plain script: no require,
// no module, no process. These tests load it exactly so and check the functions Apps Script calls.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { MENU, TRIGGER_HANDLERS } from '../src/gas/menu';

const dist = join(__dirname, '..', 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');

function loadBare(): Record<string, unknown> {
  const context = createContext({});
  runInContext(code, context, { filename: 'Code.js' });
  return context as Record<string, unknown>;
}

describe('dist/Code.js in a bare V8 context', () => {
  const globals = loadBare();

  it('has no Node globals to lean on', () => {
    expect(runInContext('typeof require + typeof module + typeof process', createContext({}))).toBe(
      'undefinedundefinedundefined',
    );
  });

  it('defines onOpen and the self-test as top-level functions', () => {
    for (const name of ['onOpen', 'selfTest']) expect(typeof globals[name]).toBe('function');
  });

  it('defines every function the menu and the triggers call by name', () => {
    const names = [...MENU.map((m) => m.functionName), ...TRIGGER_HANDLERS];
    const missing = names.filter((n) => typeof globals[n] !== 'function');
    expect(missing).toEqual([]);
  });

  it('declares entry points as function declarations, visible to the Apps Script function picker', () => {
    for (const item of MENU) expect(code).toMatch(new RegExp(`^function ${item.functionName}\\(`, 'm'));
  });

  it('imports no Node built-in module', () => {
    expect(code).not.toMatch(/\brequire\(\s*["'](node:)?[a-z_]+["']\s*\)/);
    expect(code).not.toMatch(/\bfrom\s+["']node:/);
  });

  it('ships the manifest next to the script', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
  });
});
