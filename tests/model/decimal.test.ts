import { describe, it, expect } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';

const d = (text: string): Decimal => Decimal.parse(text);

describe('Decimal.parse and toString', () => {
  it.each([
    ['243.08', '243.08'],
    ['-1.5', '-1.5'],
    ['1250000.00', '1250000'],
    ['0', '0'],
    ['-0', '0'],
    ['0.000', '0'],
    ['.5', '0.5'],
    ['-.5', '-0.5'],
    ['+7', '7'],
    ['007.100', '7.1'],
    ['2e5', '200000'],
    ['2.5e-1', '0.25'],
    ['-127.32e13', '-1273200000000000'],
    ['1.2732E+15', '1273200000000000'],
    ['5E-06', '0.000005'],
    ['12345678901234567890.123456789', '12345678901234567890.123456789'],
  ])('%s → %s', (text, canonical) => {
    expect(d(text).toString()).toBe(canonical);
  });

  it.each(['', '.', '-', '1,250', '1.2.3', 'abc', '1e', '１２'])('rejects %j', (text) => {
    expect(Decimal.tryParse(text)).toBeNull();
    expect(() => Decimal.parse(text)).toThrow(RangeError);
  });

  it('keeps the printed scale for rounding tolerance', () => {
    expect(d('1200.00').scale).toBe(2);
    expect(d('243.08').scale).toBe(2);
    expect(d('10308000').scale).toBe(0);
  });

  it('builds from integers', () => {
    expect(Decimal.of(42).toString()).toBe('42');
    expect(Decimal.of(-3n).toString()).toBe('-3');
    expect(() => Decimal.of(1.5)).toThrow(RangeError);
  });
});

describe('Decimal arithmetic is exact', () => {
  it('adds what floats cannot', () => {
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
    expect(d('243.08').add(d('0.92')).toString()).toBe('244');
    expect(d('7.72').add(d('0.2')).add(d('0.9')).add(d('0.32')).add(d('1')).add(d('1')).add(d('0.86')).add(d('4')).toString()).toBe('16');
  });

  it('subtracts', () => {
    expect(d('50').sub(d('6')).sub(d('40')).sub(d('4')).isZero).toBe(true);
    expect(d('1').sub(d('1.001')).toString()).toBe('-0.001');
  });

  it('multiplies', () => {
    expect(d('1.5').mul(d('1.5')).toString()).toBe('2.25');
    expect(d('-12.28').mul(Decimal.of(3)).toString()).toBe('-36.84');
  });

  it('shifts by powers of ten both ways', () => {
    expect(d('10308000').shift(-4).toString()).toBe('1030.8');
    expect(d('1.5').shift(8).toString()).toBe('150000000');
    expect(d('0.86').shift(4).toString()).toBe('8600');
    expect(d('3').shift(-7).toString()).toBe('0.0000003');
    expect(() => d('1').shift(0.5)).toThrow(RangeError);
  });

  it('negates and takes absolute values', () => {
    expect(d('2.5').neg().toString()).toBe('-2.5');
    expect(d('-2.5').abs().toString()).toBe('2.5');
    expect(d('2.5').abs().toString()).toBe('2.5');
  });
});

describe('Decimal comparison and inspection', () => {
  it('compares across scales', () => {
    expect(d('1.50').compare(d('1.5'))).toBe(0);
    expect(d('1.50').equals(d('1.5'))).toBe(true);
    expect(d('-2').compare(d('1'))).toBe(-1);
    expect(d('10308000').compare(d('1030.8'))).toBe(1);
  });

  it('reports sign, zero and integrality', () => {
    expect(d('0.00').isZero).toBe(true);
    expect(d('-0.1').sign).toBe(-1);
    expect(d('0').sign).toBe(0);
    expect(d('3').sign).toBe(1);
    expect(d('12.00').isInteger).toBe(true);
    expect(d('12.01').isInteger).toBe(false);
  });
});

describe('Decimal rounding and fixed output', () => {
  it('rounds half away from zero', () => {
    expect(d('233333333434.344').round(2).toString()).toBe('233333333434.34');
    expect(d('2.345').round(2).toString()).toBe('2.35');
    expect(d('-2.345').round(2).toString()).toBe('-2.35');
    expect(d('2.344').round(2).toString()).toBe('2.34');
    expect(d('2.5').round(0).toString()).toBe('3');
    expect(d('1.2').round(5).toString()).toBe('1.2');
  });

  it('prints a fixed number of decimals', () => {
    expect(d('82225').toFixed(2)).toBe('82225.00');
    expect(d('10.3').toFixed(2)).toBe('10.30');
    expect(d('-0.004').toFixed(2)).toBe('0.00');
    expect(d('2.5').toFixed(0)).toBe('3');
  });

  it('converts to whole smaller units when exact', () => {
    expect(d('123.11').toScaledInteger(2)).toBe(12311n);
    expect(d('50').toScaledInteger(2)).toBe(5000n);
    expect(d('0.001').toScaledInteger(2)).toBeNull();
  });
});
