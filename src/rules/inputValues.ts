/** How deep and how large one request's input may be (README, Limits). */
export const inputLimits = Object.freeze({
  /** Levels of objects and lists in one argument or variable: `{"NOT":{"NOT":…}}` 33 deep is refused. */
  maxDepth: 32,
  /** Strings, numbers, booleans, nulls, objects and lists counted over all of a request's input. */
  maxValues: 10_000,
});

/** What is wrong with an input value, and where: `path` starts at the argument or variable. */
export interface InputProblem {
  path: Array<string | number>;
  message: string;
}

/** Counts the values seen over a request, so the size limit spans all its arguments and variables. */
export interface InputBudget {
  values: number;
}

/** A new, empty count of input values for one request. */
export function inputBudget(): InputBudget {
  return { values: 0 };
}

/** The message of a string holding U+0000, which no PostgreSQL text column can store. */
export const nulMessage = 'contains a NUL character (U+0000), which no text value can hold.';

/**
 * The first problem of a JSON-like input value (a variable, an export's `where`): a string or
 * object key holding U+0000, nesting deeper than {@link inputLimits.maxDepth}, or, counted into
 * `budget`, more than {@link inputLimits.maxValues} values. The walk is iterative and stops at the
 * first problem, so a hostile value never costs more than the limits allow. Returns undefined
 * when the value is fine.
 */
export function inputValueProblem(
  value: unknown,
  budget: InputBudget = inputBudget(),
  limits: { maxDepth: number; maxValues: number } = inputLimits,
): InputProblem | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: current, path } = item;
    budget.values += 1;
    if (budget.values > limits.maxValues) {
      return { path, message: `the request's input holds more than ${limits.maxValues} values.` };
    }
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { path, message: nulMessage };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= limits.maxDepth) {
      return { path, message: `nests deeper than ${limits.maxDepth} levels.` };
    }
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({ value: current[index], path: [...path, index] });
      }
      continue;
    }
    for (const key of Object.keys(current).reverse()) {
      if (key.includes('\u0000')) return { path, message: `has a field name that ${nulMessage}` };
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return undefined;
}

/** A path as the argument it names: `where.NOT.name.contains`, `ids[3]`. */
export function argumentPath(root: string, path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${key}`), root);
}
