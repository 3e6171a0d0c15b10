import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../emulator/index';

function setup() {
  const emu = createEmulator();
  emu.writeSheet('Data', [
    ['Month', 'New', 'Regular'],
    ['Jan', 1, 2],
    ['Feb', 3, 4],
  ]);
  const { SpreadsheetApp, Charts } = emu.globals;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data') as GoogleAppsScript.Spreadsheet.Sheet;
  return { emu, sheet, Charts };
}

describe('Sheet.newChart / EmbeddedChartBuilder', () => {
  it('builds, inserts and reports a chart spec with its ranges, anchor, options and current data', () => {
    const { emu, sheet, Charts } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:C3'))
      .setPosition(5, 2, 10, 0)
      .setOption('title', 'Sales')
      .setOption('isStacked', true)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [spec] = emu.charts('Data');
    expect(spec).toMatchObject({
      type: 'COLUMN',
      ranges: ['Data!A1:C3'],
      position: { row: 5, col: 2, offsetX: 10, offsetY: 0 },
      options: { title: 'Sales', isStacked: true },
    });
    expect(spec.data[0]).toEqual([
      ['Month', 'New', 'Regular'],
      ['Jan', 1, 2],
      ['Feb', 3, 4],
    ]);
    expect(emu.calls.count('Sheet.insertChart')).toBe(1);
    expect(emu.calls.count('EmbeddedChartBuilder.setOption')).toBe(2);
  });

  it('getCharts → modify → updateChart replaces the chart in place; removeChart deletes it', () => {
    const { emu, sheet, Charts } = setup();
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B3')).build());
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.LINE).addRange(sheet.getRange('A1:A3')).build());
    const [first, second] = sheet.getCharts();
    expect(first.getChartId()).not.toBe(second.getChartId());
    expect(first.getContainerInfo().getAnchorRow()).toBe(1);
    sheet.updateChart(first.modify().setChartType(Charts.ChartType.BAR).setOption('title', 'x').build());
    expect(emu.charts('Data').map((c) => c.type)).toEqual(['BAR', 'LINE']);
    expect(sheet.getCharts()[0].getOptions().get('title')).toBe('x');
    sheet.removeChart(second);
    expect(emu.charts('Data').map((c) => c.type)).toEqual(['BAR']);
    expect(() => sheet.removeChart(second)).toThrow('The chart is not on this sheet.');
  });

  it('is at least as strict as Sheets: no type or no range refuses to build; bad anchors and types are invalid', () => {
    const { sheet, Charts } = setup();
    expect(() => sheet.newChart().addRange(sheet.getRange('A1:B2')).build()).toThrow(/Chart type/);
    expect(() => sheet.newChart().setChartType(Charts.ChartType.PIE).build()).toThrow(/at least one range/);
    expect(() => sheet.newChart().setPosition(0, 1, 0, 0)).toThrow('Invalid argument: anchorRowPos');
    expect(() => sheet.newChart().setChartType('PIES' as never)).toThrow('Invalid argument: type');
    expect(() => sheet.newChart().setOption('x', () => 1)).toThrow('Invalid argument: value');
    // An option object made in another realm (the bundle's node:vm context) is a plain object too.
    const legend = vm.runInNewContext('({ position: "bottom" })');
    expect(() => sheet.newChart().setOption('legend', legend)).not.toThrow();
    const built = sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B2')).build();
    sheet.insertChart(built);
    expect(() => sheet.insertChart(sheet.getCharts()[0])).toThrow(/already in the spreadsheet/);
  });

  it('charts survive serialize → restore, and the spec follows the cells it reads', () => {
    const { emu, sheet, Charts } = setup();
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:C3')).build());
    const again = createEmulator({ state: JSON.parse(JSON.stringify(emu.serialize())) });
    again.writeSheet('Data', [
      ['Month', 'New', 'Regular'],
      ['Jan', 9, 2],
    ]);
    const [spec] = again.charts('Data');
    expect(spec.type).toBe('COLUMN');
    expect(spec.data[0][1]).toEqual(['Jan', 9, 2]);
  });
});
