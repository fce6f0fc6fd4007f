/**
 * A small formula calculator for preview mode only. The in-memory Excel host stores formulas but
 * does not calculate them, so the preview works out what Excel would show for the formulas the
 * workbook uses: the impact map's Impact value (arithmetic, IF, N...) and the conditional formats
 * that highlight cells named on the Checks sheet (COUNTIFS, ADDRESS, ROW, COLUMN). Supported:
 * numbers, text, TRUE/FALSE, + - * / ^ & % and comparisons; references (A1, $A$1, A1:B2, A:A,
 * 'Sheet name'!A1); IF, IFERROR, AND, OR, NOT, N, SUM, MIN, MAX, ROUND, COUNTIF, COUNTIFS, ADDRESS,
 * ROW, COLUMN, ISBLANK, ISNUMBER, LEN, TRIM. Anything else gives `undefined` (not calculated).
 * References are read as written: a conditional format's relative references are not shifted.
 */
import { columnIndex, columnLetter } from "../core/layout/a1";

export type Scalar = number | string | boolean;
/** Reads a cell on the formula's own sheet: 0-based row and column. */
export type CellReader = (row: number, col: number) => Scalar;

export interface FormulaContext {
  /** Reads a cell; `sheet` undefined means the formula's own sheet. */
  read(sheet: string | undefined, row: number, col: number): Scalar;
  /** Last row (0-based) holding anything on a sheet, to bound whole-column references; -1 when empty. */
  lastRow(sheet: string | undefined): number;
  /** The cell the formula is worked out for (ROW(), COLUMN()). */
  row?: number;
  col?: number;
  /** A workbook's defined name as the reference it stands for ("Checks!$C$2:$C$10000"), when it has one. */
  name?(name: string): string | undefined;
}

/** The formula with every defined name (outside string literals, not a function name) replaced by its reference. */
function withNamesResolved(formula: string, name: (name: string) => string | undefined): string {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'!|[A-Za-z_][A-Za-z0-9_.]*(?![A-Za-z0-9_.!(])/g, (token) => {
    if (token.startsWith('"') || token.startsWith("'")) return token;
    const reference = name(token);
    return reference === undefined ? token : reference.replace(/^=/, "");
  });
}

class Unsupported extends Error {}

class ExcelError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

interface RangeRef {
  sheet: string | undefined;
  r0: number;
  c0: number;
  /** Infinity for whole columns. */
  r1: number;
  c1: number;
}

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; ref: RangeRef } | { t: "id"; v: string } | { t: "op"; v: string };

type Value = Scalar | RangeRef;

function isRange(v: Value): v is RangeRef {
  return typeof v === "object";
}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/;
const CELLS = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/;
const COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\d(A-Za-z])/;

function readReference(rest: string): { ref: RangeRef; length: number } | undefined {
  let sheet: string | undefined;
  let offset = 0;
  const prefix = SHEET_PREFIX.exec(rest);
  if (prefix) {
    sheet = prefix[1] !== undefined ? prefix[1].replace(/''/g, "'") : prefix[2];
    offset = prefix[0].length;
  }
  const body = rest.slice(offset);
  const cols = COLUMNS.exec(body);
  if (cols) {
    const a = columnIndex(cols[1]!);
    const b = columnIndex(cols[2]!);
    return { ref: { sheet, r0: 0, c0: Math.min(a, b), r1: Infinity, c1: Math.max(a, b) }, length: offset + cols[0].length };
  }
  const cells = CELLS.exec(body);
  if (cells && !/^[A-Za-z(_]/.test(body.slice(cells[0].length))) {
    const r0 = Number(cells[2]) - 1;
    const c0 = columnIndex(cells[1]!);
    const r1 = cells[4] ? Number(cells[4]) - 1 : r0;
    const c1 = cells[3] ? columnIndex(cells[3]) : c0;
    return { ref: { sheet, r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) }, length: offset + cells[0].length };
  }
  if (prefix) throw new Unsupported();
  return undefined;
}

function tokenise(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    if (ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= src.length) throw new Unsupported();
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += src[j];
        j++;
      }
      tokens.push({ t: "str", v: text });
      i = j + 1;
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      tokens.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === "'" || /^[A-Za-z$_]/.test(ch)) {
      const ref = readReference(rest);
      if (ref) {
        tokens.push({ t: "ref", ref: ref.ref });
        i += ref.length;
        continue;
      }
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (id) {
      tokens.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),%])/.exec(rest);
    if (op) {
      tokens.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Unsupported();
  }
  return tokens;
}

function toNumber(v: Scalar): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v.trim() === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new ExcelError("#VALUE!");
  return n;
}

function toBool(v: Scalar): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v.toUpperCase() === "TRUE") return true;
  if (v.toUpperCase() === "FALSE" || v === "") return false;
  throw new ExcelError("#VALUE!");
}

function compare(a: Scalar, b: Scalar, op: string): boolean {
  const norm = (x: Scalar) => (typeof x === "string" ? x.toLowerCase() : x);
  const x = norm(a);
  const y = norm(b);
  let c: number;
  if (typeof x === typeof y) c = x < y ? -1 : x > y ? 1 : 0;
  else if (x === "" || y === "") c = (x === "" ? 0 : toNumber(x)) - (y === "" ? 0 : toNumber(y));
  else c = typeof x === "number" ? -1 : 1;
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/** COUNTIF-style criterion: "text", "" (blank), ">0", "<>x", a number; * and ? wildcards in text. */
function matcher(criterion: Scalar): (v: Scalar) => boolean {
  if (typeof criterion === "number" || typeof criterion === "boolean")
    return (v) => v === criterion || (typeof v === "string" && v.trim() !== "" && Number(v) === criterion);
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(criterion)!;
  const op = m[1] ?? "=";
  const text = m[2] ?? "";
  if (text === "") return op === "<>" ? (v) => v !== "" : (v) => v === "";
  const asNumber = Number(text);
  if (text.trim() !== "" && !Number.isNaN(asNumber)) {
    return (v) => {
      if (typeof v !== "number") return op === "<>";
      return compare(v, asNumber, op);
    };
  }
  if ((op === "=" || op === "<>") && /[*?]/.test(text)) {
    const pattern = new RegExp(
      `^${text
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".")}$`,
      "i",
    );
    return (v) => pattern.test(String(v)) === (op === "=");
  }
  return (v) => compare(typeof v === "string" ? v : String(v), text, op);
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly context: FormulaContext,
  ) {}

  parse(): Scalar {
    const v = this.scalar(this.comparison());
    if (this.pos < this.tokens.length) throw new Unsupported();
    return v;
  }

  private scalar(v: Value): Scalar {
    if (!isRange(v)) return v;
    if (v.r0 === v.r1 && v.c0 === v.c1) return this.context.read(v.sheet, v.r0, v.c0);
    throw new Unsupported();
  }

  /** The rows a range really covers (whole columns stop at the sheet's last used row). */
  private rows(r: RangeRef): number {
    const last = r.r1 === Infinity ? this.context.lastRow(r.sheet) : r.r1;
    return Math.max(0, last - r.r0 + 1);
  }

  /** How many rows of these ranges hold anything, at most (undefined when the context cannot tell). */
  private usedRows(ranges: RangeRef[]): number | undefined {
    try {
      return Math.max(...ranges.map((r) => this.context.lastRow(r.sheet) - r.r0 + 1));
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  }

  private cells(v: Value): Scalar[] {
    if (!isRange(v)) return [v];
    const out: Scalar[] = [];
    const rows = this.rows(v);
    for (let i = 0; i < rows; i++) for (let c = v.c0; c <= v.c1; c++) out.push(this.context.read(v.sheet, v.r0 + i, c));
    return out;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t?.t === "op" && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isOp(v)) throw new Unsupported();
    this.pos++;
  }

  /**
   * A left-associative chain, `operand (op operand)*` for the operators `ops`, folded step by step;
   * a step is given the right operand to parse, so it converts its operands in its own order.
   */
  private chain(ops: readonly string[], operand: () => Value, step: (op: string, left: Value, right: () => Value) => Value): Value {
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t?.t !== "op" || !ops.includes(t.v)) return left;
      this.pos++;
      left = step(t.v, left, operand);
    }
  }

  private comparison(): Value {
    return this.chain(["=", "<>", "<", ">", "<=", ">="], () => this.concat(), (op, left, right) => compare(this.scalar(left), this.scalar(right()), op));
  }

  private concat(): Value {
    return this.chain(["&"], () => this.additive(), (_, left, right) => `${String(this.scalar(left))}${String(this.scalar(right()))}`);
  }

  private additive(): Value {
    return this.chain(["+", "-"], () => this.multiplicative(), (op, left, parseRight) => {
      const right = toNumber(this.scalar(parseRight()));
      return op === "+" ? toNumber(this.scalar(left)) + right : toNumber(this.scalar(left)) - right;
    });
  }

  private multiplicative(): Value {
    return this.chain(["*", "/"], () => this.power(), (op, left, parseRight) => {
      const right = toNumber(this.scalar(parseRight()));
      if (op === "/" && right === 0) throw new ExcelError("#DIV/0!");
      return op === "*" ? toNumber(this.scalar(left)) * right : toNumber(this.scalar(left)) / right;
    });
  }

  private power(): Value {
    return this.chain(["^"], () => this.unary(), (_, left, right) => toNumber(this.scalar(left)) ** toNumber(this.scalar(right())));
  }

  private unary(): Value {
    if (this.isOp("-")) {
      this.pos++;
      return -toNumber(this.scalar(this.unary()));
    }
    if (this.isOp("+")) {
      this.pos++;
      return this.unary();
    }
    let v = this.primary();
    if (this.isOp("%")) {
      this.pos++;
      v = toNumber(this.scalar(v)) / 100;
    }
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) throw new Unsupported();
    switch (t.t) {
      case "num":
      case "str":
        return t.v;
      case "ref":
        return t.ref;
      case "id":
        if ((t.v === "TRUE" || t.v === "FALSE") && !this.isOp("(")) return t.v === "TRUE";
        return this.call(t.v);
      case "op":
        if (t.v === "(") {
          const v = this.comparison();
          this.expect(")");
          return v;
        }
        throw new Unsupported();
    }
  }

  /** Arguments are worked out lazily, so IF's untaken branch (and IFERROR's fallback) cost nothing. */
  private call(name: string): Value {
    this.expect("(");
    const args: (() => Value)[] = [];
    if (!this.isOp(")")) {
      for (;;) {
        const start = this.pos;
        this.skipArgument();
        const end = this.pos;
        args.push(() => new Parser(this.tokens.slice(start, end), this.context).comparison());
        if (this.isOp(",")) {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.expect(")");
    const arg = (i: number, fallback: Scalar = ""): Scalar => (args[i] ? this.scalar(args[i]()) : fallback);
    const all = () => args.flatMap((a) => this.cells(a()));
    const numbers = () => all().filter((v): v is number => typeof v === "number");
    switch (name) {
      case "IF": {
        const condition = toBool(arg(0, false));
        const branch = condition ? args[1] : args[2];
        return branch ? branch() : condition;
      }
      case "IFERROR":
        try {
          return this.scalar(args[0]?.() ?? "");
        } catch (error) {
          if (error instanceof ExcelError) return arg(1);
          throw error;
        }
      case "OR":
        return all().some((v) => toBool(v));
      case "AND":
        return all().every((v) => toBool(v));
      case "NOT":
        return !toBool(arg(0, false));
      case "N": {
        const v = arg(0, 0);
        return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
      }
      case "SUM":
        return numbers().reduce((a, b) => a + b, 0);
      case "MIN":
        return numbers().length ? Math.min(...numbers()) : 0;
      case "MAX":
        return numbers().length ? Math.max(...numbers()) : 0;
      case "ROUND": {
        const f = 10 ** toNumber(arg(1, 0));
        return Math.round(toNumber(arg(0, 0)) * f) / f;
      }
      case "ISBLANK":
        return arg(0) === "";
      case "ISNUMBER":
        return typeof arg(0) === "number";
      case "LEN":
        return String(arg(0)).length;
      case "TRIM":
        return String(arg(0)).trim().replace(/ +/g, " ");
      case "ROW":
      case "COLUMN": {
        const target = args[0]?.();
        if (target !== undefined) {
          if (!isRange(target)) throw new ExcelError("#VALUE!");
          return (name === "ROW" ? target.r0 : target.c0) + 1;
        }
        const here = name === "ROW" ? this.context.row : this.context.col;
        if (here === undefined) throw new Unsupported();
        return here + 1;
      }
      case "ADDRESS": {
        const row = toNumber(arg(0));
        const col = toNumber(arg(1));
        const abs = toNumber(arg(2, 1));
        if (row < 1 || col < 1) throw new ExcelError("#VALUE!");
        const letters = columnLetter(col - 1);
        return `${abs === 1 || abs === 3 ? "$" : ""}${letters}${abs === 1 || abs === 2 ? "$" : ""}${row}`;
      }
      case "COUNTIF":
      case "COUNTIFS": {
        if (args.length === 0 || args.length % 2 !== 0) throw new Unsupported();
        const pairs: { range: RangeRef; test: (v: Scalar) => boolean }[] = [];
        for (let i = 0; i < args.length; i += 2) {
          const range = args[i]!();
          if (!isRange(range)) throw new ExcelError("#VALUE!");
          pairs.push({ range, test: matcher(arg(i + 1)) });
        }
        const first = pairs[0]!.range;
        let rows = Math.max(...pairs.map((p) => this.rows(p.range)));
        // Rows below every range's last used row are blank: when some criterion rejects a blank, none
        // of them can count, so stop there (the highlight rules look 10,000 rows down the Checks sheet).
        if (pairs.some((p) => !p.test(""))) {
          const used = this.usedRows(pairs.map((p) => p.range));
          if (used !== undefined) rows = Math.max(0, Math.min(rows, used));
        }
        const cols = first.c1 - first.c0 + 1;
        let count = 0;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            if (pairs.every((p) => p.test(this.context.read(p.range.sheet, p.range.r0 + i, p.range.c0 + j)))) count++;
          }
        }
        return count;
      }
      default:
        throw new Unsupported();
    }
  }

  /** Moves past one argument (to the next top-level comma or closing bracket). */
  private skipArgument(): void {
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos]!;
      if (t.t === "op") {
        if (t.v === "(") depth++;
        else if (t.v === ")") {
          if (depth === 0) return;
          depth--;
        } else if (t.v === "," && depth === 0) return;
      }
      this.pos++;
    }
  }
}

const tokenCache = new Map<string, Token[] | null>();

function tokensOf(formula: string): Token[] | null {
  let tokens = tokenCache.get(formula);
  if (tokens === undefined) {
    try {
      tokens = tokenise(formula.slice(1));
    } catch {
      tokens = null;
    }
    if (tokenCache.size > 2000) tokenCache.clear();
    tokenCache.set(formula, tokens);
  }
  return tokens;
}

/**
 * The value Excel would show for `formula` ("=..."), or undefined when this calculator cannot tell.
 * `context` reads cells: a same-sheet reader, or a FormulaContext for other sheets and ROW()/COLUMN().
 */
export function evaluateFormula(formula: string, context: CellReader | FormulaContext): Scalar | undefined {
  if (!formula.startsWith("=")) return undefined;
  if (typeof context !== "function" && context.name) formula = withNamesResolved(formula, context.name);
  const tokens = tokensOf(formula);
  if (!tokens) return undefined;
  const ctx: FormulaContext =
    typeof context === "function"
      ? {
          read: (sheet, row, col) => {
            if (sheet !== undefined) throw new Unsupported();
            return context(row, col);
          },
          lastRow: () => {
            throw new Unsupported();
          },
        }
      : context;
  try {
    const v = new Parser(tokens, ctx).parse();
    return typeof v === "number" && !Number.isFinite(v) ? "#NUM!" : v;
  } catch (error) {
    if (error instanceof ExcelError) return error.code;
    return undefined;
  }
}
