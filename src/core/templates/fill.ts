// Fills a template document in place. The whole document is checked first without changing it;
// every problem is reported together, with the template's name and the placeholder, in Russian.
// Only a template that checks clean is filled, and callers fill a copy, so no half-filled document
// is ever kept. Templates are data: nothing in them is executed.
import type { BlockPort, DocumentPort, TablePort, TextPort } from './document';
import { FilterError, findFilter } from './filters';
import { type Token, tokenize } from './syntax';
import { isRecord, renderValue, type TemplateRecord, type TemplateValue, truthy } from './value';

export class TemplateError extends Error {
  constructor(
    readonly templateName: string,
    readonly problems: string[],
  ) {
    super(`Шаблон «${templateName}»: ${problems.join('; ')}.`);
    this.name = 'TemplateError';
  }
}

/** Lookup scopes, innermost first: a list item, then the document's data. */
type Scope = TemplateRecord[];
type IfToken = Extract<Token, { kind: 'if' }>;
type EachToken = Extract<Token, { kind: 'each' }>;

interface Edit {
  start: number;
  end: number;
  value: string;
}

const own = (record: TemplateRecord, key: string): boolean =>
  Object.prototype.propertyIsEnumerable.call(record, key);

/** A paragraph that holds nothing but a block marker opens or closes a block of paragraphs. */
type TreeNode =
  | { kind: 'block'; block: BlockPort }
  | { kind: 'if'; token: IfToken; markers: BlockPort[]; shown: TreeNode[]; otherwise: TreeNode[] }
  | { kind: 'each'; token: EachToken; markers: BlockPort[]; raw: BlockPort[]; body: TreeNode[] };

const flatten = (nodes: TreeNode[]): BlockPort[] =>
  nodes.flatMap((n) =>
    n.kind === 'block'
      ? [n.block]
      : n.kind === 'if'
        ? [...n.markers, ...flatten(n.shown), ...flatten(n.otherwise)]
        : [...n.markers, ...n.raw],
  );

class Filler {
  readonly problems: string[] = [];
  readonly removals: BlockPort[] = [];
  /**
   * Checking: the text each edit replaces (a placeholder, a condition's marker, a hidden branch with
   * its markers) → what replaces it, or null when that differs from place to place or by list item.
   */
  private readonly values = new Map<string, string | null>();
  /** Checking: some value holds «{{» or «}}», so no placeholder may be replaced document-wide. */
  private braces = false;

  constructor(
    private readonly doc: DocumentPort,
    private readonly apply: boolean,
    /** Filling: edits left for one document-wide replacement (DocumentPort.replaceAll), by the text they replace. */
    private readonly deferred: ReadonlyMap<string, string> = new Map(),
  ) {}

  /**
   * Edits that read the same wherever their text stands, safe to make document-wide, longest text
   * first: a marker inside a hidden branch goes with the branch before the marker's own replacement.
   */
  everywhere(): Map<string, string> {
    const out = new Map<string, string>();
    if (this.braces) return out;
    const same = [...this.values].filter((e): e is [string, string] => e[1] !== null);
    for (const [source, value] of same.sort((a, b) => b[0].length - a[0].length)) out.set(source, value);
    return out;
  }

  private noteValue(source: string, value: string): void {
    if (/\{\{|\}\}/.test(value)) this.braces = true;
    const known = this.values.get(source);
    if (known !== undefined && known !== value) this.values.set(source, null);
    else if (known === undefined) this.values.set(source, value);
  }

  problem(token: { source: string }, message: string): void {
    const text = `${token.source} — ${message}`;
    if (!this.problems.includes(text)) this.problems.push(text);
  }

  lookup(path: string, scope: Scope): TemplateValue | undefined {
    const [head, ...rest] = path.split('.');
    for (const frame of scope) {
      if (!own(frame, head)) continue;
      let value: TemplateValue | undefined = frame[head];
      for (const key of rest) {
        if (value === undefined || !isRecord(value) || !own(value, key)) return undefined;
        value = value[key];
      }
      return value;
    }
    return undefined;
  }

  value(token: Extract<Token, { kind: 'value' }>, scope: Scope): string | undefined {
    let value = this.lookup(token.path, scope);
    if (value === undefined) {
      this.problem(token, `нет данных для поля «${token.path}»`);
      return undefined;
    }
    for (const name of token.filters) {
      const filter = findFilter(name);
      if (!filter) {
        this.problem(token, `неизвестный фильтр «${name}» (список фильтров — в docs/templates.md)`);
        return undefined;
      }
      try {
        value = filter(value);
      } catch (e) {
        if (!(e instanceof FilterError)) throw e;
        this.problem(token, e.message);
        return undefined;
      }
    }
    const text = renderValue(value);
    if (text === undefined)
      this.problem(token, `поле «${token.path}» — список или группа полей, его нельзя вставить в текст`);
    return text;
  }

  condition(token: IfToken, scope: Scope): boolean {
    const value = this.lookup(token.path, scope);
    if (value === undefined) {
      this.problem(token, `нет данных для поля «${token.path}»`);
      return false;
    }
    return truthy(value) !== token.negate;
  }

  list(token: EachToken, scope: Scope): TemplateValue[] | undefined {
    const list = this.lookup(token.path, scope);
    if (list === undefined) this.problem(token, `нет данных для списка «${token.path}»`);
    else if (!Array.isArray(list)) this.problem(token, `поле «${token.path}» — не список`);
    else return list;
    return undefined;
  }

  /** Fills one paragraph, inline conditions included. */
  fillText(port: TextPort, scope: Scope): void {
    const source = port.text();
    const tokens = tokenize(source);
    if (tokens.length === 0) return;
    const edits: Edit[] = [];
    // Each open condition remembers whether its current branch is shown and where hiding began.
    const stack: Array<{ token: IfToken; shown: boolean; parentShown: boolean; cut: number }> = [];
    const shown = () => (stack.length === 0 ? true : stack[stack.length - 1].shown);
    for (const token of tokens) {
      switch (token.kind) {
        case 'malformed':
          this.problem(token, token.message);
          break;
        case 'table':
          this.problem(token, 'метка {{таблица …}} ставится отдельным абзацем прямо перед таблицей');
          break;
        case 'each':
        case 'endeach':
          this.problem(
            token,
            'повторяемый блок ставится либо в строку таблицы, либо маркерами в отдельных абзацах',
          );
          break;
        case 'value': {
          if (!shown()) break;
          const value = beforeStop(this.value(token, scope) ?? '', source.slice(token.end));
          edits.push({ start: token.start, end: token.end, value });
          break;
        }
        case 'if': {
          const parentShown = shown();
          const holds = parentShown && this.condition(token, scope);
          if (parentShown && holds) edits.push({ start: token.start, end: token.end, value: '' });
          stack.push({ token, parentShown, shown: holds, cut: token.start });
          break;
        }
        case 'else': {
          const frame = stack[stack.length - 1];
          if (!frame) {
            this.problem(token, '{{else}} без открывающего {{#if …}}');
            break;
          }
          if (!frame.parentShown) break;
          if (frame.shown) {
            frame.shown = false;
            frame.cut = token.start;
          } else {
            edits.push({ start: frame.cut, end: token.end, value: '' });
            frame.shown = true;
          }
          break;
        }
        case 'endif': {
          const frame = stack.pop();
          if (!frame) {
            this.problem(token, 'закрывающая метка без открывающего {{#if …}}');
            break;
          }
          if (frame.token.negate !== token.negate)
            this.problem(token, `блок ${frame.token.source} закрыт не той меткой`);
          if (!frame.parentShown) break;
          edits.push(
            frame.shown
              ? { start: token.start, end: token.end, value: '' }
              : { start: frame.cut, end: token.end, value: '' },
          );
          break;
        }
      }
    }
    for (const frame of stack)
      this.problem(
        frame.token,
        `блок не закрыт в этом абзаце: поставьте {{/${frame.token.negate ? 'unless' : 'if'}}} в тот же абзац или оба маркера в отдельные абзацы`,
      );
    if (!this.apply) {
      for (const e of edits) this.noteValue(source.slice(e.start, e.end), e.value);
      return;
    }
    edits.sort((a, b) => b.start - a.start);
    for (const e of edits)
      if (!this.deferred.has(source.slice(e.start, e.end))) port.replace(e.start, e.end, e.value);
  }

  fillTable(table: TablePort, scope: Scope): void {
    for (let row = 0; row < table.rowCount(); row++) {
      const paragraphs = table.cells(row).flat();
      const tokens = paragraphs.flatMap((p) => tokenize(p.text()));
      const opens = tokens.filter((t): t is EachToken => t.kind === 'each');
      if (opens.length === 0) {
        for (const paragraph of paragraphs) this.fillText(paragraph, scope);
        continue;
      }
      const open = opens[0];
      if (opens.length > 1 || tokens.filter((t) => t.kind === 'endeach').length !== 1) {
        this.problem(open, 'в строке таблицы должен быть ровно один {{#each …}} и один {{/each}}');
        continue;
      }
      const list = this.list(open, scope);
      if (!list) continue;
      if (!this.apply) {
        list.forEach((item, i) => {
          for (const paragraph of paragraphs)
            this.fillText(withoutEachMarkers(paragraph), itemScope(item, i, scope));
        });
        continue;
      }
      if (list.length === 0) {
        table.removeRow(row);
        row--;
        continue;
      }
      const cells = table.cells(row);
      if (table.replaceRow && cells.every((c) => c.length === 1)) {
        // Filled as text first, then written as whole rows: the cost no longer grows by cell.
        const texts = list.map((item, i) =>
          cells.map(([cell]) => {
            let text = withoutEachMarkers(cell).text();
            const port: TextPort = {
              text: () => text,
              replace: (start, end, value) => {
                text = text.slice(0, start) + value + text.slice(end);
              },
            };
            this.fillText(port, itemScope(item, i, scope));
            return text;
          }),
        );
        table.replaceRow(row, texts);
        row += list.length - 1;
        continue;
      }
      for (let i = 1; i < list.length; i++) table.duplicateRow(row, row + i);
      list.forEach((item, i) => {
        for (const paragraph of table.cells(row + i).flat()) {
          stripEachMarkers(paragraph);
          this.fillText(paragraph, itemScope(item, i, scope));
        }
      });
      row += list.length - 1;
    }
  }

  run(nodes: TreeNode[], scope: Scope): void {
    for (const [i, node] of nodes.entries()) {
      if (node.kind === 'block') {
        const layout = tableDirective(node.block);
        if (layout) {
          const next = nodes[i + 1];
          if (next?.kind !== 'block' || next.block.kind !== 'table')
            this.problem(layout, 'после метки {{таблица …}} должна сразу идти таблица');
          else if (this.apply) next.block.table.format?.(layout.format);
          this.removals.push(node.block);
        } else if (node.block.kind === 'paragraph') this.fillText(node.block.paragraph, scope);
        else if (node.block.kind === 'table') this.fillTable(node.block.table, scope);
      } else if (node.kind === 'if') {
        const holds = this.condition(node.token, scope);
        this.run(holds ? node.shown : node.otherwise, scope);
        this.removals.push(...node.markers, ...flatten(holds ? node.otherwise : node.shown));
      } else {
        this.runEach(node, scope);
      }
    }
  }

  private runEach(node: Extract<TreeNode, { kind: 'each' }>, scope: Scope): void {
    const list = this.list(node.token, scope);
    this.removals.push(...node.markers);
    if (!list) return;
    if (!this.apply) {
      list.forEach((item, i) => {
        this.run(node.body, itemScope(item, i, scope));
      });
      return;
    }
    if (list.length === 0 || node.raw.length === 0) {
      this.removals.push(...node.raw);
      return;
    }
    // Copies are made from the untouched blocks before any of them is filled.
    const copies: BlockPort[][] = [];
    let anchor = node.raw[node.raw.length - 1];
    for (let i = 1; i < list.length; i++) {
      const copy: BlockPort[] = [];
      for (const block of node.raw) {
        anchor = this.doc.cloneAfter(block, anchor);
        copy.push(anchor);
      }
      copies.push(copy);
    }
    list.forEach((item, i) => {
      const body = i === 0 ? node.body : parseTree(copies[i - 1], this);
      this.run(body, itemScope(item, i, scope));
    });
  }
}

/** «… 2026 г.» before the sentence's own full stop loses its dot: never «г..». */
const beforeStop = (value: string, rest: string): string =>
  value.endsWith('.') && rest.startsWith('.') ? value.slice(0, -1) : value;

/** A paragraph holding nothing but {{таблица …}}. */
function tableDirective(block: BlockPort): Extract<Token, { kind: 'table' }> | undefined {
  if (block.kind !== 'paragraph') return undefined;
  const text = block.paragraph.text();
  const tokens = tokenize(text);
  if (tokens.length !== 1 || tokens[0].kind !== 'table') return undefined;
  const [token] = tokens;
  if (text.slice(0, token.start).trim() || text.slice(token.end).trim()) return undefined;
  return token;
}

function itemScope(item: TemplateValue, index: number, scope: Scope): Scope {
  const frame: TemplateRecord = isRecord(item) ? { ...item } : { this: item };
  frame['@n'] = index + 1;
  return [frame, ...scope];
}

function eachMarkers(text: string): Token[] {
  return tokenize(text).filter((t) => t.kind === 'each' || t.kind === 'endeach');
}

function stripEachMarkers(paragraph: TextPort): void {
  for (const m of eachMarkers(paragraph.text()).reverse()) paragraph.replace(m.start, m.end, '');
}

/** A read-only view of a paragraph without its {{#each}}/{{/each}} markers, for checking. */
function withoutEachMarkers(paragraph: TextPort): TextPort {
  let text = paragraph.text();
  for (const m of eachMarkers(text).reverse()) text = text.slice(0, m.start) + text.slice(m.end);
  return { text: () => text, replace: () => undefined };
}

type BlockMarker = Extract<Token, { kind: 'if' | 'else' | 'endif' | 'each' | 'endeach' }>;

function blockMarker(block: BlockPort): BlockMarker | undefined {
  if (block.kind !== 'paragraph') return undefined;
  const text = block.paragraph.text();
  const tokens = tokenize(text);
  if (tokens.length !== 1) return undefined;
  const [token] = tokens;
  if (token.kind === 'value' || token.kind === 'malformed' || token.kind === 'table') return undefined;
  if (text.slice(0, token.start).trim() || text.slice(token.end).trim()) return undefined;
  return token;
}

/** Groups the body's blocks by the paragraphs that hold only a block marker. */
function parseTree(blocks: BlockPort[], filler: Filler): TreeNode[] {
  type Frame =
    | { kind: 'root'; nodes: TreeNode[] }
    | { kind: 'if'; node: Extract<TreeNode, { kind: 'if' }>; inElse: boolean }
    | { kind: 'each'; node: Extract<TreeNode, { kind: 'each' }>; depth: number };
  const root: Frame = { kind: 'root', nodes: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1];
  const add = (node: TreeNode, block?: BlockPort) => {
    for (const frame of stack) if (frame.kind === 'each' && block) frame.node.raw.push(block);
    const t = top();
    if (t.kind === 'root') t.nodes.push(node);
    else if (t.kind === 'if') (t.inElse ? t.node.otherwise : t.node.shown).push(node);
    else t.node.body.push(node);
  };
  const rawOnly = (block: BlockPort) => {
    for (const frame of stack) if (frame.kind === 'each') frame.node.raw.push(block);
  };
  for (const block of blocks) {
    const marker = blockMarker(block);
    if (!marker) {
      add({ kind: 'block', block }, block);
      continue;
    }
    const t = top();
    if (marker.kind === 'if') {
      rawOnly(block);
      const node: Extract<TreeNode, { kind: 'if' }> = {
        kind: 'if',
        token: marker,
        markers: [block],
        shown: [],
        otherwise: [],
      };
      add(node);
      stack.push({ kind: 'if', node, inElse: false });
    } else if (marker.kind === 'each') {
      rawOnly(block);
      const node: Extract<TreeNode, { kind: 'each' }> = {
        kind: 'each',
        token: marker,
        markers: [block],
        raw: [],
        body: [],
      };
      add(node);
      stack.push({ kind: 'each', node, depth: stack.length });
    } else if (marker.kind === 'else') {
      if (t.kind !== 'if' || t.inElse) filler.problem(marker, '{{else}} без открывающего {{#if …}}');
      else {
        rawOnly(block);
        t.node.markers.push(block);
        t.inElse = true;
      }
    } else if (marker.kind === 'endif') {
      if (t.kind !== 'if') filler.problem(marker, 'закрывающая метка без открывающего {{#if …}}');
      else {
        if (t.node.token.negate !== marker.negate)
          filler.problem(marker, `блок ${t.node.token.source} закрыт не той меткой`);
        stack.pop();
        rawOnly(block);
        t.node.markers.push(block);
      }
    } else if (t.kind !== 'each') {
      filler.problem(marker, 'закрывающая метка {{/each}} без открывающего {{#each …}}');
    } else {
      stack.pop();
      t.node.markers.push(block);
      rawOnly(block);
    }
  }
  for (const frame of stack) {
    if (frame.kind === 'if') filler.problem(frame.node.token, 'блок не закрыт: нет {{/if}}');
    if (frame.kind === 'each') filler.problem(frame.node.token, 'блок не закрыт: нет {{/each}}');
  }
  return root.nodes;
}

/** Fills the document in place; throws TemplateError listing every problem, leaving the document untouched. */
export function fillTemplate(doc: DocumentPort, data: TemplateRecord, templateName: string): void {
  const check = new Filler(doc, false);
  check.run(parseTree(doc.blocks(), check), [data]);
  if (check.problems.length > 0) throw new TemplateError(templateName, check.problems);
  const deferred = doc.replaceAll ? check.everywhere() : new Map<string, string>();
  const fill = new Filler(doc, true, deferred);
  fill.run(parseTree(doc.blocks(), fill), [data]);
  if (fill.problems.length > 0) throw new TemplateError(templateName, fill.problems);
  for (const block of fill.removals.reverse()) block.remove();
  if (deferred.size > 0) doc.replaceAll?.(deferred);
}
