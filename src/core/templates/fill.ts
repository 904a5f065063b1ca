// Fills a template document in place. Every problem is collected and reported together, with the
// template's name and the placeholder, in Russian; the caller fills a copy and discards it on error,
// so no half-filled document is ever kept. Templates are data: nothing in them is executed.
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

/** Lookup scopes, innermost first: a table row's item, then the document's data. */
type Scope = TemplateRecord[];

interface Edit {
  start: number;
  end: number;
  value: string;
}

class Filler {
  readonly problems: string[] = [];

  constructor(private readonly root: TemplateRecord) {}

  problem(token: { source: string }, message: string): void {
    const text = `${token.source} — ${message}`;
    if (!this.problems.includes(text)) this.problems.push(text);
  }

  lookup(path: string, scope: Scope): TemplateValue | undefined {
    const [head, ...rest] = path.split('.');
    for (const frame of scope) {
      if (!(head in frame)) continue;
      let value: TemplateValue | undefined = frame[head];
      for (const key of rest) {
        if (value === undefined || !isRecord(value)) return undefined;
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
        this.problem(token, `неизвестный фильтр «${name}» (см. список фильтров в docs/templates.md)`);
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

  condition(token: Extract<Token, { kind: 'if' }>, scope: Scope): boolean {
    const value = this.lookup(token.path, scope);
    if (value === undefined) {
      this.problem(token, `нет данных для поля «${token.path}»`);
      return false;
    }
    return truthy(value) !== token.negate;
  }

  /** Fills one paragraph, inline conditions included. */
  fillText(port: TextPort, scope: Scope): void {
    const tokens = tokenize(port.text());
    if (tokens.length === 0) return;
    const edits: Edit[] = [];
    // Each open condition remembers whether its current branch is shown and where hiding began.
    const stack: Array<{
      token: Extract<Token, { kind: 'if' }>;
      shown: boolean;
      parentShown: boolean;
      cut?: number;
    }> = [];
    const shown = () => (stack.length === 0 ? true : stack[stack.length - 1].shown);
    for (const token of tokens) {
      switch (token.kind) {
        case 'malformed':
          this.problem(token, token.message);
          break;
        case 'each':
        case 'endeach':
          this.problem(
            token,
            'повторяемый блок ставится в строку таблицы: {{#each список}} и {{/each}} в одной строке',
          );
          break;
        case 'value':
          if (shown()) {
            const value = this.value(token, scope);
            edits.push({ start: token.start, end: token.end, value: value ?? '' });
          }
          break;
        case 'if': {
          const parentShown = shown();
          const holds = parentShown ? this.condition(token, scope) : false;
          const frame = {
            token,
            parentShown,
            shown: parentShown && holds,
            cut: undefined as number | undefined,
          };
          if (parentShown && !frame.shown) frame.cut = token.start;
          else if (parentShown) edits.push({ start: token.start, end: token.end, value: '' });
          stack.push(frame);
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
            edits.push({ start: frame.cut ?? token.start, end: token.end, value: '' });
            frame.cut = undefined;
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
          if (frame.shown) edits.push({ start: token.start, end: token.end, value: '' });
          else edits.push({ start: frame.cut ?? token.start, end: token.end, value: '' });
          break;
        }
      }
    }
    for (const frame of stack)
      this.problem(
        frame.token,
        `блок не закрыт в этом абзаце: поставьте {{/${frame.token.negate ? 'unless' : 'if'}}} в тот же абзац или оба маркера в отдельные абзацы`,
      );
    edits.sort((a, b) => b.start - a.start);
    for (const e of edits) port.replace(e.start, e.end, e.value);
  }

  fillTable(table: TablePort, scope: Scope): void {
    for (let row = 0; row < table.rowCount(); row++) {
      const tokens = table
        .cells(row)
        .flat()
        .flatMap((p) => tokenize(p.text()));
      const opens = tokens.filter((t): t is Extract<Token, { kind: 'each' }> => t.kind === 'each');
      if (opens.length === 0) {
        for (const paragraph of table.cells(row).flat()) this.fillText(paragraph, scope);
        continue;
      }
      const open = opens[0];
      const closes = tokens.filter((t) => t.kind === 'endeach').length;
      if (opens.length > 1 || closes !== 1) {
        this.problem(open, 'в строке таблицы должен быть ровно один {{#each …}} и один {{/each}}');
        continue;
      }
      const list = this.lookup(open.path, scope);
      if (list === undefined) {
        this.problem(open, `нет данных для списка «${open.path}»`);
        continue;
      }
      if (!Array.isArray(list)) {
        this.problem(open, `поле «${open.path}» — не список`);
        continue;
      }
      if (list.length === 0) {
        table.removeRow(row);
        row--;
        continue;
      }
      for (let i = 1; i < list.length; i++) table.duplicateRow(row, row + i);
      list.forEach((item, i) => {
        const frame: TemplateRecord = isRecord(item) ? { ...item } : { this: item };
        frame['@n'] = i + 1;
        for (const paragraph of table.cells(row + i).flat()) {
          stripEachMarkers(paragraph);
          this.fillText(paragraph, [frame, ...scope]);
        }
      });
      row += list.length - 1;
    }
  }
}

function stripEachMarkers(paragraph: TextPort): void {
  const markers = tokenize(paragraph.text()).filter((t) => t.kind === 'each' || t.kind === 'endeach');
  for (const m of markers.reverse()) paragraph.replace(m.start, m.end, '');
}

type BlockMarker = Extract<Token, { kind: 'if' | 'else' | 'endif' }>;

/** A paragraph that holds nothing but an {{#if}}, {{else}} or {{/if}} marker opens or closes a block of paragraphs. */
function blockMarker(block: BlockPort): BlockMarker | undefined {
  if (block.kind !== 'paragraph') return undefined;
  const text = block.paragraph.text();
  const tokens = tokenize(text);
  if (tokens.length !== 1) return undefined;
  const [token] = tokens;
  if (token.kind !== 'if' && token.kind !== 'else' && token.kind !== 'endif') return undefined;
  if (text.slice(0, token.start).trim() || text.slice(token.end).trim()) return undefined;
  return token;
}

/** Fills the document in place; throws TemplateError listing every problem found. */
export function fillTemplate(doc: DocumentPort, data: TemplateRecord, templateName: string): void {
  const filler = new Filler(data);
  const scope: Scope = [data];
  const stack: Array<{ token: Extract<Token, { kind: 'if' }>; parentShown: boolean; shown: boolean }> = [];
  const shown = () => (stack.length === 0 ? true : stack[stack.length - 1].shown);
  const doomed: BlockPort[] = [];
  const kept: BlockPort[] = [];
  for (const block of doc.blocks()) {
    const marker = blockMarker(block);
    if (marker) {
      doomed.push(block);
      if (marker.kind === 'if') {
        const parentShown = shown();
        const holds = parentShown && filler.condition(marker, scope);
        stack.push({ token: marker, parentShown, shown: holds });
      } else if (marker.kind === 'else') {
        const frame = stack[stack.length - 1];
        if (!frame) filler.problem(marker, '{{else}} без открывающего {{#if …}}');
        else frame.shown = frame.parentShown && !frame.shown;
      } else {
        const frame = stack.pop();
        if (!frame) filler.problem(marker, 'закрывающая метка без открывающего {{#if …}}');
        else if (frame.token.negate !== marker.negate)
          filler.problem(marker, `блок ${frame.token.source} закрыт не той меткой`);
      }
      continue;
    }
    (shown() ? kept : doomed).push(block);
  }
  for (const frame of stack) filler.problem(frame.token, 'блок не закрыт: нет {{/if}}');
  for (const block of kept) {
    if (block.kind === 'paragraph') filler.fillText(block.paragraph, scope);
    else if (block.kind === 'table') filler.fillTable(block.table, scope);
  }
  if (filler.problems.length > 0) throw new TemplateError(templateName, filler.problems);
  for (const block of doomed.reverse()) block.remove();
}
