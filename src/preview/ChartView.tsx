/**
 * Draws a sheet's charts as inline SVG, placed where Excel would show them over the grid (their
 * `top`/`left`/`width`/`height`, in points, converted to the grid's pixels). Column, clustered bar
 * and line charts are drawn with their title, axis titles, category labels, a value axis and a
 * legend; other chart types are drawn as columns. The figures come from the host's model
 * (`chartData`), so the drawing follows the cells.
 */
import type { ChartModel } from "../memory-host";
import { chartData, formatValue } from "../memory-host";

const PALETTE = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];
/** Points to CSS pixels, as the grid converts column widths. */
const PX = 4 / 3;

function niceStep(range: number): number {
  const rough = range / 5;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const m = rough / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Value-axis ticks that cover the data and include zero. */
export function valueTicks(values: number[]): number[] {
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  if (min === max) return [0, 1];
  const step = niceStep(max - min);
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? 0) < max) ticks.push((ticks[ticks.length - 1] ?? 0) + step);
  return ticks;
}

function kind(chartType: string): "bar" | "line" | "column" {
  if (/^(3D)?Bar|BarClustered|BarStacked|ConeBar|CylinderBar|PyramidBar/.test(chartType)) return "bar";
  if (/Line/.test(chartType)) return "line";
  return "column";
}

export interface ChartViewProps {
  chart: ChartModel;
  /** Offset of the grid's first cell from the chart layer's origin, in pixels. */
  originX?: number;
  originY?: number;
  /** Stretches vertical positions when the grid draws rows taller than Excel's (default 1). */
  yScale?: number;
}

/** One chart, absolutely positioned. */
export function ChartView({ chart, originX = 0, originY = 0, yScale = 1 }: ChartViewProps) {
  const data = chartData(chart);
  const width = Math.max(120, chart.width * PX);
  const height = Math.max(90, chart.height * PX);
  const horizontal = kind(chart.chartType) === "bar";
  const all = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = valueTicks(all);
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const titleH = chart.title.visible && chart.title.text ? 22 : 6;
  const legendH = chart.legend.visible && data.series.length > 0 ? 18 : 0;
  const valueTitle = chart.axes.value.title.visible ? chart.axes.value.title.text : "";
  const categoryTitle = chart.axes.category.title.visible ? chart.axes.category.title.text : "";
  const valueFormat = chart.axes.value.numberFormat;
  // Plot area.
  const left = (horizontal ? 70 : 52) + (horizontal ? (categoryTitle ? 16 : 0) : valueTitle ? 16 : 0);
  const right = width - 12;
  const top = titleH + 6;
  const bottom = height - legendH - 24 - (horizontal ? (valueTitle ? 16 : 0) : categoryTitle ? 16 : 0);
  const plotW = Math.max(10, right - left);
  const plotH = Math.max(10, bottom - top);
  const n = Math.max(1, data.categories.length);
  const scale = (v: number) => (v - lo) / (hi - lo || 1);
  const valuePos = (v: number) => (horizontal ? left + scale(v) * plotW : bottom - scale(v) * plotH);
  const band = (horizontal ? plotH : plotW) / n;
  const bars = data.series.filter((s) => kind(s.chartType) !== "line");
  const lines = data.series.filter((s) => kind(s.chartType) === "line");
  const barW = (band * 0.7) / Math.max(1, bars.length);
  const label = `${chart.title.visible && chart.title.text ? chart.title.text : chart.name}: ${chart.chartType} chart of ${data.series
    .map((s) => s.name)
    .join(", ")}${data.categories.length ? ` by ${data.categories.join(", ")}` : ""}`;
  const shortLabel = (text: string) => (text.length > 12 ? `${text.slice(0, 11)}…` : text);

  return (
    <svg
      role="img"
      aria-label={label}
      data-chart={chart.name}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{
        position: "absolute",
        left: originX + chart.left * PX,
        top: originY + chart.top * PX * yScale,
        background: "#FFFFFF",
        border: "1px solid #BFBFBF",
        fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
        pointerEvents: "none",
      }}
    >
      <title>{label}</title>
      {chart.title.visible && chart.title.text ? (
        <text x={width / 2} y={17} textAnchor="middle" fontSize={14} fill="#404040">
          {chart.title.text}
        </text>
      ) : null}
      {/* Value axis: gridlines and labels. */}
      {ticks.map((t) => {
        const p = valuePos(t);
        return horizontal ? (
          <g key={t}>
            <line x1={p} x2={p} y1={top} y2={bottom} stroke="#D9D9D9" />
            <text x={p} y={bottom + 13} textAnchor="middle" fontSize={10} fill="#595959">
              {formatValue(t, valueFormat)}
            </text>
          </g>
        ) : (
          <g key={t}>
            <line x1={left} x2={right} y1={p} y2={p} stroke="#D9D9D9" />
            <text x={left - 4} y={p + 3} textAnchor="end" fontSize={10} fill="#595959">
              {formatValue(t, valueFormat)}
            </text>
          </g>
        );
      })}
      {/* Category labels. */}
      {data.categories.map((c, i) =>
        horizontal ? (
          <text key={i} x={left - 4} y={top + band * (i + 0.5) + 3} textAnchor="end" fontSize={10} fill="#595959">
            {shortLabel(c)}
          </text>
        ) : (
          <text key={i} x={left + band * (i + 0.5)} y={bottom + 13} textAnchor="middle" fontSize={10} fill="#595959">
            {shortLabel(c)}
          </text>
        ),
      )}
      {/* Columns or bars, clustered. */}
      {bars.map((s, k) =>
        s.values.map((v, i) => {
          if (v === null) return null;
          const color = PALETTE[data.series.indexOf(s) % PALETTE.length];
          const zero = valuePos(Math.max(lo, Math.min(hi, 0)));
          const end = valuePos(v);
          const offset = band * 0.15 + k * barW;
          return horizontal ? (
            <rect key={`${k}:${i}`} x={Math.min(zero, end)} y={top + band * i + offset} width={Math.abs(end - zero)} height={barW} fill={color} />
          ) : (
            <rect key={`${k}:${i}`} x={left + band * i + offset} y={Math.min(zero, end)} width={barW} height={Math.abs(end - zero)} fill={color} />
          );
        }),
      )}
      {/* Lines. */}
      {lines.map((s) => {
        const color = PALETTE[data.series.indexOf(s) % PALETTE.length];
        const points = s.values
          .map((v, i) => (v === null ? null : `${left + band * (i + 0.5)},${valuePos(v)}`))
          .filter((p): p is string => p !== null)
          .join(" ");
        return <polyline key={s.name} points={points} fill="none" stroke={color} strokeWidth={2} />;
      })}
      <line x1={left} x2={horizontal ? left : right} y1={horizontal ? top : bottom} y2={bottom} stroke="#BFBFBF" />
      {valueTitle ? (
        horizontal ? (
          <text x={left + plotW / 2} y={bottom + 28} textAnchor="middle" fontSize={11} fill="#595959">
            {valueTitle}
          </text>
        ) : (
          <text x={12} y={top + plotH / 2} textAnchor="middle" fontSize={11} fill="#595959" transform={`rotate(-90 12 ${top + plotH / 2})`}>
            {valueTitle}
          </text>
        )
      ) : null}
      {categoryTitle ? (
        horizontal ? (
          <text x={12} y={top + plotH / 2} textAnchor="middle" fontSize={11} fill="#595959" transform={`rotate(-90 12 ${top + plotH / 2})`}>
            {categoryTitle}
          </text>
        ) : (
          <text x={left + plotW / 2} y={bottom + 28} textAnchor="middle" fontSize={11} fill="#595959">
            {categoryTitle}
          </text>
        )
      ) : null}
      {legendH > 0
        ? data.series.map((s, k) => {
            const x = 10 + k * Math.max(70, (width - 20) / Math.max(1, data.series.length));
            return (
              <g key={s.name + k}>
                <rect x={x} y={height - 14} width={10} height={8} fill={PALETTE[k % PALETTE.length]} />
                <text x={x + 14} y={height - 7} fontSize={10} fill="#595959">
                  {shortLabel(s.name)}
                </text>
              </g>
            );
          })
        : null}
    </svg>
  );
}

/** Every chart of a sheet, for layering over the grid. */
export function SheetCharts({ charts, ...placement }: { charts: readonly ChartModel[] } & Omit<ChartViewProps, "chart">) {
  if (charts.length === 0) return null;
  return (
    <>
      {charts.map((chart) => (
        <ChartView key={chart.id} chart={chart} {...placement} />
      ))}
    </>
  );
}
