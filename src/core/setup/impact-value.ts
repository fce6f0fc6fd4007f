/**
 * The impact value of one impact-map row (docs/return-format.md, "Impact value"):
 *   annual  = quantity x financial proxy x (1 - deadweight) x (1 - attribution) x (1 - displacement)
 *   value   = annual x years, when drop-off is 0
 *           = annual x (1 - (1 - drop-off)^years) / drop-off, otherwise
 * i.e. the first year counts in full and each later year keeps (1 - drop-off) of the one before.
 * Duration defaults to 1 year when blank. Percentages are fractions (25% is 0.25).
 */

export interface ImpactInputs {
  quantity: number;
  proxy: number;
  years?: number | undefined;
  deadweight?: number | undefined;
  attribution?: number | undefined;
  displacement?: number | undefined;
  dropOff?: number | undefined;
}

export function impactValue(inputs: ImpactInputs): number {
  const years = inputs.years ?? 1;
  const annual =
    inputs.quantity * inputs.proxy * (1 - (inputs.deadweight ?? 0)) * (1 - (inputs.attribution ?? 0)) * (1 - (inputs.displacement ?? 0));
  const dropOff = inputs.dropOff ?? 0;
  return dropOff === 0 ? annual * years : (annual * (1 - (1 - dropOff) ** years)) / dropOff;
}

export interface ImpactColumns {
  quantity: string;
  years: string;
  proxy: string;
  deadweight: string;
  attribution: string;
  displacement: string;
  dropOff: string;
}

/** The same calculation as an Excel formula for sheet row `row` (1-based), given the column letters. */
export function impactValueFormula(c: ImpactColumns, row: number): string {
  const q = `${c.quantity}${row}`;
  const y = `IF(${c.years}${row}="",1,${c.years}${row})`;
  const p = `${c.proxy}${row}`;
  const d = `N(${c.dropOff}${row})`;
  const annual = `${q}*${p}*(1-N(${c.deadweight}${row}))*(1-N(${c.attribution}${row}))*(1-N(${c.displacement}${row}))`;
  return `=IF(OR(${q}="",${p}=""),"",${annual}*IF(${d}=0,${y},(1-(1-${d})^${y})/${d}))`;
}
