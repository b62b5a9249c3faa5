/** A three-deal dataset for the comparison tests: the founding deal, Amazon–OpenAI and an equity-only deal. */
import type {Chip, Dataset, Deal} from "../../../src/core/model.js";
import {amazonAnthropic, assumptions, fact, withDeal} from "../commitment/fixtures.js";

const boardSeat = {value: false, status: "confirmed" as const, source: "test-source", asOf: "2026-06-30"};

export const amazonOpenai: Deal = withDeal({
  id: "amazon-openai",
  name: "Amazon → OpenAI",
  lab: "openai",
  announced: "2026-02-27",
  tranches: [
    {id: "upfront", label: "", date: "2026-02-27", investor: "amazon", amount: fact(15), firm: true},
    {id: "conditional", label: "", date: "2026-02-27", investor: "amazon", amount: fact(35), firm: false}
  ],
  commitments: [
    {id: "aws-2025", label: "", amount: fact(38), years: fact(7, "years"), start: "2025-11-03", platform: ""},
    {id: "aws-2026", label: "", amount: fact(100), years: fact(8, "years"), start: "2026-02-27", platform: ""}
  ],
  capacity: {ceiling: fact(2, "gw", "confirmed", "about"), schedule: [], chips: []},
  hardware: {chips: ["gb200", "trainium3"], other: [], options: []},
  governance: {boardSeat},
  valuations: [],
  equityMarks: [],
  profile: {
    capacityLanguage: "About 2 GW of Trainium",
    hardwareAngle: "Nvidia first, then Trainium",
    governancePosture: "No board seat disclosed",
    strategicIntent: "A second anchor tenant"
  }
});

export const nvidiaOpenai: Deal = withDeal({
  id: "nvidia-openai",
  name: "Nvidia → OpenAI",
  investors: ["nvidia"],
  lab: "openai",
  provider: "nvidia",
  status: "superseded",
  tranches: [{id: "equity", label: "", date: "2026-02-27", investor: "nvidia", amount: fact(30), firm: true}],
  commitments: [],
  capacity: undefined,
  hardware: {chips: [], other: [], options: []},
  governance: {boardSeat, stake: fact(0.02, "fraction", "estimate")},
  valuations: [],
  equityMarks: []
});

const chip = (id: string, name: string): Chip => ({
  id,
  name,
  vendor: "AWS",
  line: "trainium",
  available: {date: "2025-01-01", status: "confirmed", source: "test-source", asOf: "2026-06-30"},
  flops: {bf16: fact(1, "pflops")},
  itKw: fact(1, "kw"),
  perServer: 64,
  serverName: "UltraServer"
});

export const dataset: Dataset = {
  asOf: "2026-06-30",
  companies: [
    {id: "amazon", name: "Amazon"},
    {id: "aws", name: "AWS", parent: "amazon"},
    {id: "anthropic", name: "Anthropic"},
    {id: "openai", name: "OpenAI"}
  ],
  deals: [amazonAnthropic, amazonOpenai, nvidiaOpenai],
  chips: [chip("trainium2", "Trainium2"), chip("trainium3", "Trainium3")],
  assumptions,
  scenarios: [],
  signals: [],
  yardsticks: [],
  sources: []
};
