import { jest } from '@jest/globals';
import { assertNodeVersion } from './node-version.js';

describe('assertNodeVersion', () => {
  it('exits with a message naming both versions on Node 20', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    assertNodeVersion('20.20.2');
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(write.mock.calls[0]?.[0])).toMatch(/needs Node\.js 24[\s\S]*20\.20\.2/);
    exit.mockRestore();
    write.mockRestore();
  });

  it('accepts Node 24', () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    assertNodeVersion('24.21.0');
    expect(exit).not.toHaveBeenCalled();
    exit.mockRestore();
  });
});
