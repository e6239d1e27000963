import Link from "next/link";
import type { ImportView } from "@/lib/types/imports";

export const IMPORT_STATUS_LABELS: Record<ImportView["status"], string> = {
  UPLOADED: "Uploaded, not mapped",
  QUEUED: "Waiting",
  RUNNING: "Running",
  SUCCEEDED: "Imported",
  FAILED: "Refused, nothing imported",
  CANCELLED: "Stopped, nothing imported",
  UNDONE: "Undone",
};

/** The map's imports: who, when, which file, how many rows, and how it ended. */
export function ImportHistory({ imports, hrefFor }: { imports: ImportView[]; hrefFor: (id: string) => string }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Imports into this map, newest first</caption>
        <thead>
          <tr>
            {["When", "Who", "File", "Rows", "Interviews added", "Outcome"].map((heading) => (
              <th key={heading} scope="col" className="p-2 text-left">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {imports.map((item) => (
            <tr key={item.id} className="border-t border-border">
              <td className="p-2">{new Date(item.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC</td>
              <td className="p-2">{item.createdByName ?? "—"}</td>
              <td className="p-2">
                <Link className="underline" href={hrefFor(item.id)}>
                  {item.fileName}
                </Link>
              </td>
              <td className="p-2 tabular-nums">{item.rowsDone.toLocaleString("en")}</td>
              <td className="p-2 tabular-nums">{item.interviewsAdded.toLocaleString("en")}</td>
              <td className="p-2">
                {IMPORT_STATUS_LABELS[item.status]}
                {item.badRows > 0 && ` (${item.badRows.toLocaleString("en")} bad rows)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
