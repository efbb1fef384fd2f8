/**
 * Exact decimal numbers for money and indicator values.
 *
 * A value is `units / 10^scale` with `units` a bigint, so 243.08 + 0.92 is exactly 244 and
 * 10,308,000 元 is exactly 1030.8 万元 — JS floats cannot promise either. Every operation is
 * exact except `round`, which says so in its name.
 */

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class Decimal {
  static readonly ZERO = new Decimal(0n, 0);

  /**
   * @param units the digits as an integer (243.08 → 24308n)
   * @param scale how many of those digits are decimals (243.08 → 2); kept as parsed, so
   *              "1,200.00" keeps scale 2 — the printed precision a rounding check needs.
   */
  private constructor(
    private readonly units: bigint,
    readonly scale: number,
  ) {}

  /** Parses "243.08", "-1.5", ".5", "1250000.00", "2.5e-1". Separators must be stripped first. */
  static parse(text: string): Decimal {
    const parsed = Decimal.tryParse(text);
    if (parsed === null) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    return parsed;
  }

  static tryParse(text: string): Decimal | null {
    const match = DECIMAL_TEXT.exec(text.trim());
    if (match === null) return null;
    const [, sign, whole, fraction = '', exponent] = match;
    if (whole === '' && fraction === '') return null;
    const magnitude = BigInt(whole + fraction || '0');
    const value = new Decimal(sign === '-' ? -magnitude : magnitude, fraction.length);
    return exponent === undefined ? value : value.shift(Number(exponent));
  }

  static of(integer: bigint | number): Decimal {
    if (typeof integer === 'number' && !Number.isSafeInteger(integer)) {
      throw new RangeError(`Decimal.of needs a safe integer, got ${integer}`);
    }
    return new Decimal(BigInt(integer), 0);
  }

  get isZero(): boolean {
    return this.units === 0n;
  }

  get sign(): -1 | 0 | 1 {
    return this.units === 0n ? 0 : this.units < 0n ? -1 : 1;
  }

  get isInteger(): boolean {
    return this.units % 10n ** BigInt(this.scale) === 0n;
  }

  add(other: Decimal): Decimal {
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.unitsAt(scale) + other.unitsAt(scale), scale);
  }

  sub(other: Decimal): Decimal {
    return this.add(other.neg());
  }

  mul(other: Decimal): Decimal {
    return new Decimal(this.units * other.units, this.scale + other.scale);
  }

  /** Multiplies by 10^exponent; a negative exponent divides, still exactly (1.5.shift(-4) = 0.00015). */
  shift(exponent: number): Decimal {
    if (!Number.isInteger(exponent)) throw new RangeError(`shift needs an integer, got ${exponent}`);
    if (exponent >= 0) {
      const kept = Math.min(exponent, this.scale);
      return new Decimal(this.units * 10n ** BigInt(exponent - kept), this.scale - kept);
    }
    return new Decimal(this.units, this.scale - exponent);
  }

  neg(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  abs(): Decimal {
    return this.units < 0n ? this.neg() : this;
  }

  compare(other: Decimal): -1 | 0 | 1 {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unitsAt(scale);
    const b = other.unitsAt(scale);
    return a === b ? 0 : a < b ? -1 : 1;
  }

  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  /** Rounds half away from zero to `places` decimals (the usual rule for printed money). */
  round(places: number): Decimal {
    if (places >= this.scale) return this;
    const divisor = 10n ** BigInt(this.scale - places);
    const magnitude = this.units < 0n ? -this.units : this.units;
    const rounded = (magnitude + divisor / 2n) / divisor;
    return new Decimal(this.units < 0n ? -rounded : rounded, places);
  }

  /** The value as a whole number of 10^-places (yuan → fen with places 2), or null when not whole. */
  toScaledInteger(places: number): bigint | null {
    const scaled = this.shift(places);
    return scaled.isInteger ? scaled.unitsAt(0) : null;
  }

  /** Canonical text: no exponent, no trailing zeros after the point, "0" for zero. */
  toString(): string {
    const trimmed = this.trimmed();
    const digits = (trimmed.units < 0n ? -trimmed.units : trimmed.units).toString();
    const sign = trimmed.units < 0n ? '-' : '';
    if (trimmed.scale === 0) return sign + digits;
    const padded = digits.padStart(trimmed.scale + 1, '0');
    const point = padded.length - trimmed.scale;
    return `${sign}${padded.slice(0, point)}.${padded.slice(point)}`;
  }

  /** Text with exactly `places` decimals, rounded half away from zero ("82225.00"). */
  toFixed(places: number): string {
    const rounded = this.round(places);
    const text = rounded.toString();
    if (places === 0) return text;
    const [whole, fraction = ''] = text.split('.');
    return `${whole}.${fraction.padEnd(places, '0')}`;
  }

  private unitsAt(scale: number): bigint {
    return scale >= this.scale ? this.units * 10n ** BigInt(scale - this.scale) : this.units / 10n ** BigInt(this.scale - scale);
  }

  private trimmed(): Decimal {
    let { units, scale } = this;
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale -= 1;
    }
    return new Decimal(units, scale);
  }
}
