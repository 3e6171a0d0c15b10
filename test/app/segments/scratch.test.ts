import { it } from 'vitest';
import * as server from '../../../src/server';
import { callsDuring, useEmulator } from '../../support/emulated';
import { setUpBase } from './fixtures';
const emu = useEmulator();
it('scratch', () => {
  setUpBase(emu());
  const c = callsDuring(emu(), () => server.menuRefreshSegments());
  console.log(Object.values(c).reduce((a,b)=>a+b,0), JSON.stringify(c));
});
