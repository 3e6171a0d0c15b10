/**
 * One attribute of a sheet's cells (values, formulas, formats, notes, …) as a
 * sparse grid of 0-based rows. Rows and columns shift with inserts and deletes.
 */
export class Layer<T> {
  rows: (T | undefined)[][] = [];
  /**
   * Rows this layer may change in place. A copy of the sheet (a saved state,
   * one per kill point or interleaving switch) shares the other rows and
   * copies one only when it is first written, so copying a sheet costs its
   * row count, not its cells.
   */
  private own = new WeakSet<(T | undefined)[]>();

  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }

  set(r: number, c: number, value: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (value === undefined) return;
      row = this.rows[r] = [];
      this.own.add(row);
    } else if (!this.own.has(row)) {
      if (row[c] === value) return;
      row = this.writable(r);
    }
    row[c] = value;
  }

  private writable(r: number): (T | undefined)[] {
    let row = this.rows[r];
    if (!this.own.has(row)) {
      row = this.rows[r] = row.slice();
      this.own.add(row);
    }
    return row;
  }

  /** Gives row `r` (as it is) to another layer too: from now on neither changes it in place. */
  shareRow(r: number): (T | undefined)[] {
    const row = this.rows[r];
    this.own.delete(row);
    return row;
  }

  /**
   * `set(r, c + j, valueAt(j))` for j in 0…n-1, with the row looked up and copied (if shared) once
   * instead of per cell: a whole-column write is most of an adoption's emulator time. Leaves the
   * layer exactly as the n calls would: no row made for nothing but blanks, a shared row copied
   * only if a value differs. `valueAt` is called once per j.
   */
  setRowSpan(r: number, c: number, n: number, valueAt: (j: number) => T | undefined): void {
    let row = this.rows[r];
    let j = 0;
    if (!row || !this.own.has(row)) {
      let value: T | undefined;
      for (; j < n; j++) {
        value = valueAt(j);
        if (row ? row[c + j] !== value : value !== undefined) break;
      }
      if (j === n) return;
      if (row) row = this.writable(r);
      else {
        row = this.rows[r] = [];
        this.own.add(row);
      }
      row[c + j++] = value;
    }
    for (; j < n; j++) row[c + j] = valueAt(j);
  }

  fill(r: number, c: number, numRows: number, numCols: number, value: T | undefined): void {
    const same = () => value;
    for (let i = r; i < r + numRows; i++) this.setRowSpan(i, c, numCols, same);
  }

  /** Inserts `n` rows before 0-based row `at`; copies row `template` into them if given. */
  insertRows(at: number, n: number, template?: number): void {
    const source = template === undefined ? undefined : this.rows[template];
    const inserted: (T | undefined)[][] = new Array(n);
    if (source) for (let i = 0; i < n; i++) this.own.add((inserted[i] = source.slice()));
    if (at >= this.rows.length) {
      if (source) for (let i = 0; i < n; i++) this.rows[at + i] = inserted[i];
      return;
    }
    this.rows = this.rows.slice(0, at).concat(inserted, this.rows.slice(at));
  }

  deleteRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows.splice(at, n);
  }

  insertCols(at: number, n: number, template?: number): void {
    for (let r = 0; r < this.rows.length; r++) {
      const old = this.rows[r];
      if (!old || at > old.length) continue;
      const row = this.writable(r);
      const copy = template === undefined ? undefined : row[template];
      row.splice(at, 0, ...new Array<T | undefined>(n).fill(copy));
    }
  }

  deleteCols(at: number, n: number): void {
    for (let r = 0; r < this.rows.length; r++) if (this.rows[r] && at < this.rows[r].length) this.writable(r).splice(at, n);
  }

  /** Last 0-based row holding a defined, non-'' entry, or -1. */
  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row && row.some((v) => v !== undefined && v !== '')) return r;
    }
    return -1;
  }

  lastCol(): number {
    let last = -1;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c > last; c--) {
        if (row[c] !== undefined && row[c] !== '') {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  *entries(): Generator<[number, number, T]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined) yield [r, c, v];
      }
    }
  }

  isEmpty(): boolean {
    for (const _ of this.entries()) return false;
    return true;
  }

  clear(): void {
    this.rows = [];
  }
}
