/// <reference types="office-js" />
/** Fakes of `Excel.NoteCollection` and `Excel.Note` (ExcelApi 1.18). */
import { formatAddress, parseAddress, rect } from "../address";
import type { Mirror } from "./core";
import { FakeObject, sameContext, partTarget } from "./core";
import { FakeKeyedCollection } from "./collection";
import { FakeRange, rangeFrom, rangeTarget } from "./range";
import { officeError } from "../errors";
import { area } from "../address";
import { boolean, declareProperties, stored, withProperties } from "./properties";
import type { NoteModel, SheetModel, WorkbookModel } from "../model/types";

/** The workbook's notes, or one sheet's. */
export interface NoteScope {
  workbook: WorkbookModel;
  sheet?: SheetModel;
}

function noteTarget(sheet: SheetModel, note: NoteModel) {
  return partTarget({ sheet, note }, () => sheet.deleted || !sheet.notes.includes(note));
}

export type NoteTarget = ReturnType<typeof noteTarget>;

function notesIn(scope: NoteScope): NoteTarget[] {
  const sheets = scope.sheet ? [scope.sheet] : scope.workbook.sheets;
  return sheets.flatMap((sheet) => sheet.notes.map((note) => noteTarget(sheet, note)));
}

/** Resolves a note key or cell argument to a single cell of a sheet. */
function locateCell(scope: NoteScope, cell: unknown, location: string): { sheet: SheetModel; row: number; column: number } {
  let sheet: SheetModel;
  let r;
  if (cell instanceof FakeRange) {
    const t = cell._target(location);
    sheet = t.sheet;
    r = t.rect;
  } else if (typeof cell === "string") {
    const parsed = parseAddress(cell, location);
    if (parsed.sheet !== undefined) {
      const named = scope.workbook.findSheet(parsed.sheet);
      if (!named || (scope.sheet && named !== scope.sheet)) throw officeError("InvalidArgument", undefined, location);
      sheet = named;
    } else sheet = scope.sheet ?? scope.workbook.activeSheet;
    r = parsed.rect;
  } else throw officeError("InvalidArgument", undefined, location);
  if (area(r) !== 1) throw officeError("InvalidArgument", undefined, location);
  return { sheet, row: r.r0, column: r.c0 };
}

const touchNote = (t: NoteTarget): void => t.sheet.workbook.touch();

/** A note's width or height: more than 0 points. */
const size = (v: unknown): number | undefined => (typeof v === "number" && v > 0 ? v : undefined);

export class FakeNote
  extends withProperties<Excel.Note, "authorName" | "content" | "height" | "width" | "visible">()(FakeObject<NoteTarget>)
  implements Mirror<Excel.Note, "delete" | "getLocation" | "load">
{
  readonly _typeName = "Note";

  static {
    declareProperties(this, {
      scalars: {
        authorName: (t) => t.note.authorName,
        content: stored((t) => t.note, "content", (v) => String(v ?? ""), touchNote),
        height: stored((t) => t.note, "height", size, touchNote),
        width: stored((t) => t.note, "width", size, touchNote),
        visible: stored((t) => t.note, "visible", boolean, touchNote),
      },
    });
  }

  delete(): void {
    this._queue("delete", (t) => {
      t.sheet.notes = t.sheet.notes.filter((n) => n !== t.note);
      t.sheet.workbook.touch();
    });
  }

  getLocation(): FakeRange {
    return rangeFrom(this, "getLocation", (t) => rangeTarget(t.sheet, rect(t.note.row, t.note.column)));
  }
}

export class FakeNoteCollection
  extends FakeKeyedCollection<NoteScope, NoteTarget, FakeNote>
  implements Mirror<Excel.NoteCollection, "add" | "getCount" | "getItem" | "getItemAt" | "getItemOrNullObject" | "load">
{
  readonly _typeName = "NoteCollection";
  protected readonly _itemClass = FakeNote;

  protected _itemTargets(scope: NoteScope): NoteTarget[] {
    return notesIn(scope);
  }

  add(cellAddress: Excel.Range | string, content: unknown): FakeNote {
    const location = "NoteCollection.add";
    sameContext(this._ctx, cellAddress, location);
    let created: NoteTarget | undefined;
    this._queue("add", (scope) => {
      const cell = locateCell(scope, cellAddress, location);
      created = noteTarget(cell.sheet, cell.sheet.addNote(cell.row, cell.column, String(content ?? ""), location));
    });
    return this._created(location, () => created);
  }

  /** The note of a cell (the key is its address). */
  protected _find(scope: NoteScope, key: string, location: string): NoteTarget | undefined {
    const cell = locateCell(scope, key, location);
    const note = cell.sheet.noteAt(cell.row, cell.column);
    return note ? noteTarget(cell.sheet, note) : undefined;
  }

  getItemAt(index: number): FakeNote {
    return this._itemAt(index);
  }
}

/** A note's address as Office writes it ("Sheet1!B2"). */
export function noteAddress(sheet: SheetModel, note: NoteModel): string {
  return formatAddress(sheet.name, rect(note.row, note.column));
}
