/**
 * The empty workbooks people fill in and send back: our results template for a procedure, the outside-data
 * workbook (listing the schools the actor may load data for) and the spec workbook. Names from locales/*\/files.ftl.
 */
import { findSpec } from "../../domain/procedures/index.ts"
import { procedureTitle, type ProcedureKey } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { coordinatedMunicipalities, isAdmin, type Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { buildOutsideTemplate } from "../exams-medalists-rechecks/template.ts"
import { notFound, type NotFound } from "../outcome.ts"
import { buildTemplate } from "../results/template.ts"
import { listSpecs } from "../specs/store.ts"
import { buildSpecTemplate } from "../specs/workbook.ts"
import type { ReceivedFile } from "../uploads/uploads.ts"

export function createTemplates(deps: ServiceDeps) {
  return {
    /** Our results template for a procedure we hold a spec for. */
    async results(procedure: ProcedureKey, translate: Translate): Promise<({ ok: true } & ReceivedFile) | NotFound> {
      const spec = findSpec(procedure, await listSpecs(deps.prisma))
      if (!spec) return notFound()
      const title = procedureTitle(spec).replaceAll("·", "-")
      return { ok: true, bytes: await buildTemplate(spec, translate), fileName: translate("file-results-template", { title }) }
    },

    /** The empty outside-data workbook, listing the schools the actor may load data for. */
    async outside(actor: Actor, translate: Translate): Promise<ReceivedFile> {
      const municipalities = coordinatedMunicipalities(actor)
      const schools = isAdmin(actor) || municipalities.length > 0
        ? await deps.prisma.school.findMany({
            where: isAdmin(actor) ? {} : { municipalityId: { in: municipalities } },
            select: { login: true, name: true },
            orderBy: { login: "asc" },
          })
        : []
      const bytes = await buildOutsideTemplate(translate, { schools, maxYear: deps.clock.now().getUTCFullYear() })
      return { bytes, fileName: translate("file-outside-template") }
    },

    /** The empty spec workbook a coordinator fills in for a procedure. */
    async spec(translate: Translate): Promise<ReceivedFile> {
      return { bytes: await buildSpecTemplate(), fileName: translate("file-spec-template") }
    },
  }
}
