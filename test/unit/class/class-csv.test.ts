import { describe, expect, it } from 'vitest';
import { refusedRow, type ClassRow } from '../../../src/engine/class-row.ts';
import { CLASS_CSV_HEADER, classCsv } from '../../../src/schema/class-report.ts';

const row: ClassRow = {
  file: 'ada.json',
  name: 'Week 1, "final"',
  author: '=HYPERLINK("x")',
  tier: 'Moderate',
  verdict: 'verified',
  reason: '',
  finalEquity: '5012.5',
  returnPct: '-0.25',
  maxDrawdownPct: '1.07',
  trades: 5,
  refusedOrders: 1,
  breakerTrips: 0,
  assignment: 'wk1abc',
  assignmentTitle: 'Week 1',
  followsAssignment: true,
  assignmentReason: '',
};

describe('the class CSV', () => {
  it('has its header and one line per file, CRLF-terminated', () => {
    const lines = classCsv([row, refusedRow('x.json', 'This is not a JSON file.')]).split('\r\n');
    expect(lines).toEqual([
      CLASS_CSV_HEADER,
      'ada.json,"Week 1, ""final""","\'=HYPERLINK(""x"")",Moderate,verified,,5012.5,-0.25,1.07,5,1,0,wk1abc,Week 1,yes,',
      'x.json,,,,refused,This is not a JSON file.,,,,,,,,,,',
      '',
    ]);
  });

  it('leaves negative numbers as numbers: only text cells are guarded against formulas', () => {
    expect(classCsv([row])).toContain(',-0.25,');
  });
});
