/**
 * Test files that replace modules (vi.mock / vi.doMock). A replaced module would be seen by every
 * later file of a worker that keeps its modules loaded, so these run in the 'unit-isolated'
 * project, each with a fresh module graph; test/support/module-mocking-files.test.ts keeps this
 * list equal to the files that contain those calls.
 */
export const MODULE_MOCKING_FILES: readonly string[] = ['test/emulator/spreadsheet/model.test.ts'];
