import type { TouchpointAsymmetry } from "@/lib/analysis/insight";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatNumber, formatSigned } from "@/components/matrix/format";
import { CLASS_LABEL, CLASS_SENTENCE, CLASS_TONE } from "@/components/insight/format";

/** A touchpoint's class in the drill-down: what it means, IA, penalty and reward, and the groups behind them. */
export function AsymmetryCard({ asymmetry }: { asymmetry: TouchpointAsymmetry }) {
  const groups = [
    { label: "Missed", n: asymmetry.groups.missed, mean: asymmetry.means.missed },
    { label: "Met", n: asymmetry.groups.met, mean: asymmetry.means.met },
    { label: "Exceeded", n: asymmetry.groups.exceeded, mean: asymmetry.means.exceeded },
  ];
  return (
    <Card as="section" title="Basic, performance factor or delighter" data-testid="touchpoint-asymmetry">
      <p className="text-sm">
        <Badge tone={CLASS_TONE[asymmetry.kind]}>{CLASS_LABEL[asymmetry.kind]}</Badge> {CLASS_SENTENCE[asymmetry.kind]}
      </p>
      <p className="mt-2 text-sm">
        Impact asymmetry <strong>{formatSigned(asymmetry.ia, 2)}</strong>: penalty {formatSigned(asymmetry.penalty, 2)}, reward{" "}
        {formatSigned(asymmetry.reward, 2)} on the overall feeling (1 = hate to 6 = in love).
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-fg-muted">
        {groups.map((group) => (
          <li key={group.label}>
            {group.label}: {group.n.toLocaleString("en")} {group.n === 1 ? "observation" : "observations"}, mean overall feeling{" "}
            {formatNumber(group.mean, 2)}
          </li>
        ))}
      </ul>
    </Card>
  );
}
