import type { MarkScale } from "../../domain/results.ts"
import type { Proposal } from "../../services/kdr/scales.ts"

type Translate = (key: string, params?: Record<string, string | number>) => string

const percent = (share: number) => Math.round(share * 100)

function marksLine(t: Translate, proposal: Proposal): string {
  const { counts, shares } = proposal.marks
  return t("kdr-marks", {
    m2: counts[2], p2: percent(shares[2]), m3: counts[3], p3: percent(shares[3]), m4: counts[4], p4: percent(shares[4]), m5: counts[5], p5: percent(shares[5]),
  })
}

function scaleLine(t: Translate, scale: MarkScale): string {
  return t("kdr-scale", { three: scale["3"], four: scale["4"], five: scale["5"] })
}

/** The proposals side by side: the scale, and what it does to the marks. */
export function proposalsText(t: Translate, outcome: { title: string; maxTotal: number; participants: number; schools: number; current: MarkScale | null; proposals: Proposal[] }): string {
  const lines = [t("kdr-proposals-title", { title: outcome.title, participants: outcome.participants, schools: outcome.schools, max: outcome.maxTotal })]
  if (outcome.current) lines.push(t("kdr-current", { scale: scaleLine(t, outcome.current) }))
  outcome.proposals.forEach((proposal, index) => {
    const letter = t(`kdr-letter-${index}`)
    lines.push("")
    if (proposal.kind === "shares") {
      const shares = proposal.shares!
      lines.push(t(`kdr-proposal-shares-${proposal.sharesFrom}`, { letter, p2: percent(shares[2]), p3: percent(shares[3]), p4: percent(shares[4]), p5: percent(shares[5]) }))
    } else {
      const reference = proposal.reference!
      lines.push(t("kdr-proposal-reference", { letter, reference: reference.title, max: reference.maxTotal, scale: scaleLine(t, reference.scale), kdrMax: outcome.maxTotal }))
    }
    lines.push(`${scaleLine(t, proposal.scale)} → ${marksLine(t, proposal)}`)
  })
  lines.push("", t("kdr-proposals-hint"))
  return lines.join("\n")
}
