/**
 * ECharts option → PNG: server-side SVG (no DOM, no canvas binaries), rasterised by resvg at 2× for sharp
 * text in Telegram. resvg draws NO text unless a font is given, and system fonts differ between machines,
 * so DejaVu (full Cyrillic) comes from the `dejavu-fonts-ttf` package and nothing else is loaded.
 */
import { createRequire } from "node:module"
import path from "node:path"
import type * as ECharts from "echarts"
import { Resvg } from "@resvg/resvg-js"
import { loadFontMetrics, parseCssFont } from "./font-metrics.ts"

const require = createRequire(import.meta.url)
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf")
export const FONT_FAMILY = "DejaVu Sans"
const FONT_FILES = [path.join(FONT_DIR, "DejaVuSans.ttf"), path.join(FONT_DIR, "DejaVuSans-Bold.ttf")]
const ZOOM = 2

/** Colours that stay distinguishable in grey print and for the common colour-vision deficiencies. */
export const PALETTE = {
  school: "#2f6db5",
  reference: "#e08a1e",
  extra: ["#7a9a3a", "#8e5ea2", "#5f6b7a"],
  band: "rgba(60, 60, 60, 0.28)",
  whisker: "#0b2a4a",
  threshold: "#c0392b",
  text: "#222222",
  grid: "#dddddd",
  risk: "#c0392b",
  attention: "#e0a100",
  none: "#3c8d40",
} as const

let loaded: typeof ECharts | null = null

/**
 * ECharts is loaded at the first chart, not on import: the command line and most test files never draw one. The bot
 * calls this at start-up, so that its first overview does not wait for the load. `require` takes the CommonJS build,
 * one prebuilt file: ~0.4 s of CPU to load against ~0.8 s for the ES modules' hundreds of files, the same charts (the
 * same SVG and PNG bytes on the test fixtures).
 */
export function loadChartLibrary(): typeof ECharts {
  if (loaded) return loaded
  const library = require("echarts") as typeof ECharts
  measureWithDejaVu(library)
  return (loaded = library)
}

/** ECharts lays text out with these widths; they must be the widths resvg will draw with. */
function measureWithDejaVu(echarts: typeof ECharts): void {
  const regular = loadFontMetrics(FONT_FILES[0]!)
  const bold = loadFontMetrics(FONT_FILES[1]!)
  echarts.setPlatformAPI({
    measureText(text, font) {
      const { sizePx, bold: isBold } = parseCssFont(font)
      return { width: (isBold ? bold : regular).widthEm(text ?? "") * sizePx }
    },
  })
}

export interface RenderedChart {
  png: Buffer
  /** Pixel size of the PNG (the option's size times the zoom). */
  width: number
  height: number
}

export function renderOption(option: ECharts.EChartsCoreOption, width: number, height: number): RenderedChart {
  const chart = loadChartLibrary().init(null, null, { renderer: "svg", ssr: true, width, height })
  let svg: string
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT_FAMILY, color: PALETTE.text },
      ...option,
    })
    svg = chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "zoom", value: ZOOM },
  }).render()
  return { png: image.asPng(), width: image.width, height: image.height }
}
