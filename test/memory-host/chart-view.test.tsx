/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { MemoryExcelHost } from "../../src/memory-host";
import { ChartView } from "../../src/preview/ChartView";

test("draws a chart as an accessible SVG with its title, axis titles, categories and value axis", async () => {
  const host = MemoryExcelHost.fromSnapshot({
    sheets: [{ name: "Charts", rows: [["Month", "Income", "Costs"], ["Apr", 100, 80], ["May", 150, 90]] }],
  });
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Charts");
    const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
    chart.title.text = "Income and costs";
    chart.axes.valueAxis.title.text = "Pounds";
    chart.axes.categoryAxis.title.text = "Month";
    chart.axes.valueAxis.numberFormat = '"£"#,##0';
    chart.setPosition("E2", "K16");
    await context.sync();
  });
  const model = host.workbook.findSheet("Charts")?.charts[0];
  if (!model) throw new Error("no chart");
  render(<ChartView chart={model} />);
  const svg = screen.getByRole("img", { name: /Income and costs: ColumnClustered chart of Income, Costs by Apr, May/ });
  const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent);
  expect(texts).toEqual(expect.arrayContaining(["Income and costs", "Pounds", "Month", "Apr", "May", "£0", "£150"]));
  expect(svg.querySelectorAll("rect").length).toBeGreaterThanOrEqual(4 + 2);
});
