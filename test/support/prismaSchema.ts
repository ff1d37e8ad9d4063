import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The schema file every migration must match. */
export const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));

/** A field of a model as Prisma's DMMF describes it (the parts the drift test reads). */
export interface DmmfField {
  name: string;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  type: string;
  /** Database column name when it differs from the field name (@map). */
  dbName: string | null;
  /** `[typeName, args]`, e.g. `['VarChar', ['12']]`, for fields with a @db attribute. */
  nativeType: [string, string[]] | null;
  hasDefaultValue: boolean;
  default?: DmmfDefault;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

/** A default: a function call (`autoincrement()`, `now()`), a literal, or a list of literals. */
export type DmmfDefault = { name: string; args: unknown[] } | string | number | boolean | unknown[];

/** A model of the DMMF datamodel. */
export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueFields: string[][];
  uniqueIndexes: { name: string | null; fields: string[] }[];
}

/** An enum of the DMMF datamodel. */
export interface DmmfEnum {
  name: string;
  dbName: string | null;
  values: { name: string; dbName: string | null }[];
}

/** An index as the DMMF lists it (`@id`, `@@id`, `@unique`, `@@unique`, `@@index`). */
export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  dbName?: string;
  fields: { name: string; sortOrder?: string }[];
}

/** The datamodel part of Prisma's DMMF. */
export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

// Node has WebAssembly, but the node types this project pins do not declare it: the few parts used.
interface WasmTable {
  get(index: number): unknown;
  set(index: number, value: unknown): void;
  grow(delta: number): number;
}

const WebAssemblyApi = (
  globalThis as unknown as {
    WebAssembly: {
      Module: (new (
        bytes: Uint8Array,
      ) => object) & {
        imports(module: object): { module: string; name: string }[];
      };
      Instance: new (module: object, imports: object) => { exports: unknown };
    };
  }
).WebAssembly;

interface SchemaWasm {
  memory: { buffer: ArrayBuffer };
  get_dmmf(pointer: number, length: number): [number, number, number, number];
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_realloc(pointer: number, oldSize: number, newSize: number, align: number): number;
  __wbindgen_free(pointer: number, size: number, align: number): void;
  __wbindgen_externrefs: WasmTable;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
}

let wasm: SchemaWasm | undefined;

/**
 * Parses Prisma schema text with Prisma's own schema engine (the `prisma_schema_build` wasm that
 * the installed `prisma` CLI ships and calls for `prisma generate`), so the drift test reads the
 * schema exactly as Prisma does instead of re-implementing its grammar.
 * @throws Error with Prisma's validation message when the schema is invalid, or when the
 *   installed `prisma` package no longer ships the wasm file.
 */
export function getDatamodel(schemaText: string = fs.readFileSync(schemaPath, 'utf8')): DmmfDatamodel {
  const exports = loadWasm();
  const input = encode(exports, JSON.stringify({ prismaSchema: schemaText, noColor: true }));
  const [pointer, length, errorIndex, failed] = exports.get_dmmf(input.pointer, input.length);
  if (failed) {
    const error = exports.__wbindgen_externrefs.get(errorIndex) as unknown;
    exports.__externref_table_dealloc(errorIndex);
    throw new Error(`Prisma rejected the schema: ${prismaMessage(error)}`);
  }
  try {
    const dmmf = JSON.parse(decode(exports, pointer, length)) as { datamodel: DmmfDatamodel };
    return dmmf.datamodel;
  } finally {
    exports.__wbindgen_free(pointer, length, 1);
  }
}

/** The engine reports errors as JSON (`{"error_code":"P1012","message":"..."}`). */
function prismaMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(text) as { error_code?: string; message?: string };
    return parsed.message ? `${parsed.error_code ?? ''} ${parsed.message}`.trim() : text;
  } catch {
    return text;
  }
}

function loadWasm(): SchemaWasm {
  if (wasm) return wasm;
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'prisma_schema_build_bg.wasm');
  const module = new WebAssemblyApi.Module(fs.readFileSync(file));
  let instance: SchemaWasm | undefined;
  const text = (pointer: number, length: number) => decode(instance!, pointer, length);
  // The host functions the wasm-bindgen build imports, as the CLI's own glue defines them. Their
  // names end in a build hash, so they are matched by prefix to survive Prisma upgrades.
  const hostFunctions: [prefix: string, implementation: (...args: number[]) => unknown][] = [
    ['__wbg_set_message_', () => undefined],
    ['__wbg_Error_', (pointer, length) => new Error(text(pointer!, length!))],
    [
      '__wbg___wbindgen_throw_',
      (pointer, length) => {
        throw new Error(text(pointer!, length!));
      },
    ],
    [
      '__wbindgen_init_externref_table',
      () => {
        const table = instance!.__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset + 0, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      },
    ],
  ];
  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const wanted of WebAssemblyApi.Module.imports(module)) {
    const host = hostFunctions.find(([prefix]) => wanted.name.startsWith(prefix));
    if (!host) {
      throw new Error(
        `${file} imports ${wanted.module}.${wanted.name}, which test/support/prismaSchema.ts does not provide; ` +
          'copy its definition from the glue in node_modules/prisma/build/cli.js.',
      );
    }
    imports[wanted.module] ??= {};
    imports[wanted.module]![wanted.name] = host[1];
  }
  instance = new WebAssemblyApi.Instance(module, imports).exports as unknown as SchemaWasm;
  instance.__wbindgen_start();
  wasm = instance;
  return instance;
}

function encode(exports: SchemaWasm, text: string): { pointer: number; length: number } {
  const bytes = new TextEncoder().encode(text);
  const pointer = exports.__wbindgen_malloc(bytes.length, 1) >>> 0;
  new Uint8Array(exports.memory.buffer).set(bytes, pointer);
  return { pointer, length: bytes.length };
}

function decode(exports: SchemaWasm, pointer: number, length: number): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(
    new Uint8Array(exports.memory.buffer).subarray(pointer >>> 0, (pointer >>> 0) + length),
  );
}
