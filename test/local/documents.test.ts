import { existsSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { docsApiService } from '../../src/local/docs/docsApi';
import { FakeDocumentApp } from '../../src/local/docs/documentApp';
import { FakeDriveApp } from '../../src/local/drive/driveApp';
import { driveStore } from '../../src/local/drive/driveStore';
import { execute, tempContext } from './workspaceContext';

function docxPath(ctx: ReturnType<typeof tempContext>, id: string): string {
  const item = driveStore(ctx).find(id);
  if (!item) throw new Error('not in the index');
  return `${ctx.path(item.path)}.docx`;
}

describe('DocumentApp offline', () => {
  test('a document is written as a .docx that a docx reader reads back, with text alongside', async () => {
    const ctx = tempContext();
    const id = execute(ctx, () => {
      const doc = new FakeDocumentApp(ctx).create('Приказ № 1');
      const body = doc.getBody();
      body
        .appendParagraph('О закреплении наставников')
        .setHeading('HEADING1' as unknown as GoogleAppsScript.Document.ParagraphHeading);
      body
        .appendParagraph('Закрепить за Ивановой А. П. наставника Петрова В. В.')
        .editAsText()
        .setBold(0, 8, true);
      body.appendListItem('первый пункт');
      body.appendTable([
        ['Наставник', 'Наставляемый'],
        ['Петров В. В.', 'Иванова А. П.'],
      ]);
      doc.saveAndClose();
      return doc.getId();
    });
    const path = docxPath(ctx, id);
    const { value: text } = await mammoth.extractRawText({ path });
    expect(text).toContain('О закреплении наставников');
    expect(text).toContain('Закрепить за Ивановой А. П. наставника Петрова В. В.');
    expect(text).toContain('Иванова А. П.');
    const { value: html } = await mammoth.convertToHtml({ path });
    expect(html).toContain('<h1>О закреплении наставников</h1>');
    expect(html).toContain('<strong>Закрепить</strong>');
    expect(html).toMatch(/<table>.*Наставник.*Петров В\. В\..*<\/table>/s);
    expect(html).toContain('<li>первый пункт</li>');
    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['word/document.xml', '[Content_Types].xml', 'word/styles.xml']),
    );
    expect(readFileSync(path.replace(/\.docx$/, '.txt'), 'utf8')).toContain(
      '| Петров В. В. | Иванова А. П. |',
    );
  });

  test('replaceText takes a regular expression per paragraph and keeps the formatting of the match', () => {
    const ctx = tempContext();
    const texts = execute(ctx, () => {
      const body = new FakeDocumentApp(ctx).create('Шаблон').getBody();
      const p = body.appendParagraph('Наставник: {{mentor}}, наставляемый: {{mentee}}.');
      p.editAsText().setBold(11, 20, true);
      body.appendParagraph('Цена 5.00 руб. $1');
      body.appendTable([['{{mentor}}', '{{mentee}}']]);
      body.replaceText('\\{\\{mentor\\}\\}', 'Петров В. В.');
      body.replaceText('\\{\\{mentee\\}\\}', 'Иванова $1');
      body.replaceText('5.00', '7,50');
      body.replaceText('^Цена', 'Стоимость');
      return {
        first: p.getText(),
        boldName: p.editAsText().isBold(11) && p.editAsText().isBold(22) && !p.editAsText().isBold(24),
        second: body.getChild(2).asParagraph().getText(),
        cell: body.getTables()[0].getCell(0, 1).getText(),
      };
    });
    expect(texts.first).toBe('Наставник: Петров В. В., наставляемый: Иванова $1.');
    expect(texts.boldName).toBe(true);
    expect(texts.second).toBe('Стоимость 7,50 руб. $1');
    expect(texts.cell).toBe('Иванова $1');
  });

  test('repeating a table row: copy, fill, insert; inserting an attached row fails as in Apps Script', () => {
    const ctx = tempContext();
    const result = execute(ctx, () => {
      const app = new FakeDocumentApp(ctx);
      const doc = app.create('Список пар');
      const table = doc.getBody().appendTable([
        ['№', 'Пара'],
        ['{{n}}', '{{pair}}'],
      ]);
      const template = table.getRow(1);
      for (const [i, pair] of ['Петров — Иванова', 'Сидоров — Кузнецов'].entries()) {
        const row = template.copy();
        row.replaceText('\\{\\{n\\}\\}', String(i + 1));
        row.replaceText('\\{\\{pair\\}\\}', pair);
        table.insertTableRow(2 + i, row);
      }
      let error = '';
      try {
        table.insertTableRow(1, table.getRow(2));
      } catch (e) {
        error = (e as Error).message;
      }
      table.removeRow(1);
      doc.saveAndClose();
      const reopened = app.openById(doc.getId()).getBody().getTables()[0];
      return {
        error,
        rows: Array.from({ length: reopened.getNumRows() }, (_, i) => reopened.getRow(i).getText()),
      };
    });
    expect(result.error).toBe('Element must be detached.');
    expect(result.rows).toEqual(['№\tПара', '1\tПетров — Иванова', '2\tСидоров — Кузнецов']);
  });

  test('a copy of a template keeps headings, bold runs, lists and tables across executions', async () => {
    const ctx = tempContext();
    const templateId = execute(ctx, () => {
      const doc = new FakeDocumentApp(ctx).create('Шаблон договора');
      const body = doc.getBody();
      body
        .getChild(0)
        .asParagraph()
        .setText('ДОГОВОР')
        .setHeading('TITLE' as unknown as GoogleAppsScript.Document.ParagraphHeading);
      body.appendParagraph('Стороны: {{mentor}}').editAsText().setBold(0, 7, true);
      body.appendTable([['{{mentor}}']]);
      return doc.getId();
    });
    const copyId = execute(ctx, () => {
      const folder = new FakeDriveApp(ctx).createFolder('Договоры');
      const copy = new FakeDriveApp(ctx).getFileById(templateId).makeCopy('Договор — Петров', folder);
      const doc = new FakeDocumentApp(ctx).openById(copy.getId());
      doc.getBody().replaceText('\\{\\{mentor\\}\\}', 'Петров В. В.');
      doc.saveAndClose();
      return copy.getId();
    });
    const check = execute(ctx, () => {
      const body = new FakeDocumentApp(ctx).openById(copyId).getBody();
      const title = body.getChild(0).asParagraph();
      const parties = body.getChild(1).asParagraph();
      return {
        title: [title.getText(), String(title.getHeading())],
        parties: [parties.getText(), parties.editAsText().isBold(0), parties.editAsText().isBold(10)],
        types: Array.from({ length: body.getNumChildren() }, (_, i) => String(body.getChild(i).getType())),
        cell: body.getTables()[0].getCell(0, 0).getText(),
        template: new FakeDocumentApp(ctx).openById(templateId).getBody().getText(),
      };
    });
    expect(check.title).toEqual(['ДОГОВОР', 'TITLE']);
    expect(check.parties).toEqual(['Стороны: Петров В. В.', true, false]);
    expect(check.types).toEqual(['PARAGRAPH', 'PARAGRAPH', 'TABLE', 'PARAGRAPH']);
    expect(check.cell).toBe('Петров В. В.');
    expect(check.template).toContain('{{mentor}}');
    const path = docxPath(ctx, copyId);
    expect(path).toContain('/drive/Договоры/Договор — Петров.docx');
    expect((await mammoth.extractRawText({ path })).value).toContain('Стороны: Петров В. В.');
  });

  test("the last paragraph of a body cannot be removed; reading a missing document fails with Google's text", () => {
    const ctx = tempContext();
    const errors = execute(ctx, () => {
      const app = new FakeDocumentApp(ctx);
      const body = app.create('Пусто').getBody();
      const caught: string[] = [];
      try {
        body.getChild(0).removeFromParent();
      } catch (e) {
        caught.push((e as Error).message);
      }
      try {
        app.openById('no-such-id');
      } catch (e) {
        caught.push((e as Error).message);
      }
      try {
        body.getChild(5);
      } catch (e) {
        caught.push((e as Error).message);
      }
      return caught;
    });
    expect(errors).toEqual([
      "Can't remove the last paragraph in a document section.",
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
      'Child index (5) must be less than the number of child elements (1).',
    ]);
  });

  test('getAs("application/pdf") gives a PDF of the saved text; daily document quota applies', () => {
    const ctx = tempContext({ docQuota: 2 });
    const { pdf, error } = execute(ctx, () => {
      const app = new FakeDocumentApp(ctx);
      const doc = app.create('Справка');
      doc.getBody().appendParagraph('Наставничество');
      doc.saveAndClose();
      const blob = doc.getAs('application/pdf');
      app.create('Вторая');
      let message = '';
      try {
        app.create('Третья');
      } catch (e) {
        message = (e as Error).message;
      }
      return {
        pdf: {
          name: blob.getName(),
          type: blob.getContentType(),
          bytes: Buffer.from(blob.getBytes().map((b) => b & 0xff)),
        },
        error: message,
      };
    });
    expect(pdf.name).toBe('Справка.pdf');
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
    expect(error).toBe('Service invoked too many times for one day: document create.');
    expect(existsSync(ctx.path('drive', 'Третья.docx'))).toBe(false);
  });

  test('a table header row set bold through editAsText() is bold in the .docx, body cells are not', async () => {
    const ctx = tempContext();
    const id = execute(ctx, () => {
      const doc = new FakeDocumentApp(ctx).create('Отчёт');
      const body = doc.getBody();
      body.clear();
      const table = body.appendTable([
        ['Показатель', 'Значение'],
        ['Охват наставляемых', '12%'],
      ]);
      table.getRow(0).editAsText().setBold(true);
      doc.saveAndClose();
      return doc.getId();
    });
    const { value: html } = await mammoth.convertToHtml({ path: docxPath(ctx, id) });
    expect(html).toContain('<strong>Показатель</strong>');
    expect(html).toContain('<strong>Значение</strong>');
    expect(html).toContain('<p>Охват наставляемых</p>');
  });

  test('findText walks matches in order; insertParagraph, getChildIndex and removeChild edit the body', () => {
    const ctx = tempContext();
    const seen = execute(ctx, () => {
      const body = new FakeDocumentApp(ctx).create('Поиск').getBody();
      body.appendParagraph('Встреча 1: знакомство');
      body.appendParagraph('Встреча 2: планирование');
      const inserted = body.insertParagraph(1, 'План встреч');
      const found: string[] = [];
      for (let range = body.findText('Встреча \\d'); range; range = body.findText('Встреча \\d', range)) {
        const text = range.getElement().getText();
        found.push(text.slice(range.getStartOffset(), range.getEndOffsetInclusive() + 1));
      }
      const index = body.getChildIndex(inserted);
      body.removeChild(inserted);
      return { found, index, text: body.getText(), missing: body.findText('нет такого') };
    });
    expect(seen).toEqual({
      found: ['Встреча 1', 'Встреча 2'],
      index: 1,
      text: '\nВстреча 1: знакомство\nВстреча 2: планирование',
      missing: null,
    });
  });

  test('the Docs API replaces text literally in every paragraph and cell, in one batch applied whole or not at all', () => {
    const ctx = tempContext();
    const seen = execute(ctx, () => {
      const doc = new FakeDocumentApp(ctx).create('Соглашение');
      const body = doc.getBody();
      const p = body.appendParagraph('{{Name}} и {{name}}: {{price}}');
      // The replacement takes the formatting of the text it replaces.
      p.editAsText().setBold(11, 18, true);
      body.appendTable([['{{name}}', '(a+b)*']]);
      doc.saveAndClose();
      const api = (docsApiService.globals(ctx) as { Docs: { Documents: DocsLike } }).Docs.Documents;
      const replies = api.batchUpdate(
        {
          requests: [
            {
              replaceAllText: { containsText: { text: '{{name}}', matchCase: true }, replaceText: '$1 Анна' },
            },
            { replaceAllText: { containsText: { text: '{{PRICE}}' }, replaceText: '100 ₽' } },
            { replaceAllText: { containsText: { text: '(a+b)*', matchCase: true }, replaceText: 'x' } },
          ],
        },
        doc.getId(),
      ).replies;
      let refused = '';
      try {
        api.batchUpdate(
          {
            requests: [
              { replaceAllText: { containsText: { text: '{{Name}}' }, replaceText: 'не должно' } },
              { replaceAllText: { containsText: { text: '' }, replaceText: 'x' } },
            ],
          },
          doc.getId(),
        );
      } catch (e) {
        refused = e instanceof Error ? e.message : String(e);
      }
      const reopened = new FakeDocumentApp(ctx).openById(doc.getId()).getBody();
      return {
        replies,
        refused,
        text: reopened.getText().trim(),
        bold: reopened.getParagraphs()[1].editAsText().isBold(11),
      };
    });
    expect(seen.replies).toEqual([
      { replaceAllText: { occurrencesChanged: 2 } },
      { replaceAllText: { occurrencesChanged: 1 } },
      { replaceAllText: { occurrencesChanged: 1 } },
    ]);
    // Literal: «$1» and a pattern's characters mean themselves; «{{PRICE}}» matched «{{price}}» (no matchCase).
    expect(seen.text).toBe('{{Name}} и $1 Анна: 100 ₽\n$1 Анна\tx');
    expect(seen.refused).toContain('Invalid requests[1].replaceAllText');
    expect(seen.bold).toBe(true);
  });
});

interface DocsLike {
  batchUpdate(
    resource: {
      requests: Array<{
        replaceAllText: { containsText: { text: string; matchCase?: boolean }; replaceText: string };
      }>;
    },
    documentId: string,
  ): { replies: object[] };
}
