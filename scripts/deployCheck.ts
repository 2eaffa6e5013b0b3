// What the deploy tests read of the sweep image: its Dockerfile, its build context, and the files
// `npm run sweep` imports (which the image must hold). deployManifests.ts reads the manifests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DOCKERFILE = join(ROOT, 'deploy/Dockerfile');

export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
export function dockerInstructions(text: string): DockerInstruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const space = line.search(/\s/);
      return { keyword: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

/** A COPY's sources (all its words but the last), from the build context; --flags are dropped. */
export function copySources(instruction: DockerInstruction): string[] {
  const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
  return words.slice(0, -1);
}

/** An exec-form ENTRYPOINT or CMD as its words. */
export function execForm(instruction: DockerInstruction): string[] {
  return JSON.parse(instruction.args) as string[];
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether Docker leaves a file out of the build context under a .dockerignore: as Docker does, a
 * pattern that matches the path or any folder above it applies, and the last pattern that applies
 * wins (a leading ! brings a path back).
 */
export function dockerIgnores(ignoreFile: string, path: string): boolean {
  const rules = ignoreFile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => ({ include: line.startsWith('!'), pattern: globToRegExp(line.replace(/^!/, '')) }));
  const parts = path.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) if (prefixes.some((prefix) => rule.pattern.test(prefix))) ignored = !rule.include;
  return ignored;
}

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = join(dirname(fromFile), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export interface ImportClosure {
  /** Files reached, relative to the repository's root. */
  readonly files: string[];
  /** Packages imported by name (node: built-ins left out). */
  readonly packages: string[];
  /** Relative imports that name no file. */
  readonly unresolved: string[];
}

/**
 * Every file an entry imports, directly or not, including worker scripts started with
 * `new URL('./file.ts', import.meta.url)`.
 */
export function importClosure(entries: readonly string[]): ImportClosure {
  const files = new Set<string>();
  const packages = new Set<string>();
  const unresolved: string[] = [];
  const queue = entries.map((entry) => join(ROOT, entry));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((imported) => imported.fileName);
    for (const match of text.matchAll(
      /new URL\(\s*['"](\.{1,2}\/[^'"]+\.[cm]?[jt]sx?)['"]\s*,\s*import\.meta\.url\s*\)/g,
    ))
      specifiers.push(match[1] as string);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const resolved = resolveRelative(file, specifier);
        if (resolved) queue.push(resolved);
        else unresolved.push(`${relative(ROOT, file)}: ${specifier}`);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
      }
    }
  }
  return { files: [...files].map((file) => relative(ROOT, file)).sort(), packages: [...packages].sort(), unresolved };
}
