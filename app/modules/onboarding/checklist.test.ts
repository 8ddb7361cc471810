import { describe, expect, it } from "vitest";
import { nestIndexedFields } from "~/platform/indexed-fields";
import {
  BLANK_TASK,
  BUILT_IN_CHECKLIST,
  CHECKLIST_MESSAGES,
  ChecklistSchema,
  editChecklistDraft,
  MAX_CHECKLIST_ITEMS,
  taskFieldsOf,
} from "./checklist";

const fields = BUILT_IN_CHECKLIST.map(taskFieldsOf);
const issuesOf = (input: unknown) => {
  const result = ChecklistSchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the checklist editor's schema", () => {
  it("turns the posted fields into steps: days as numbers, required as yes or no", () => {
    const parsed = ChecklistSchema.parse({ version: "4", tasks: fields });
    expect(parsed).toEqual({ version: 4, tasks: BUILT_IN_CHECKLIST });
  });

  it("names each problem by the step and field it is about", () => {
    const tasks = [
      fields[0],
      { ...fields[1], title: " " },
      { ...fields[2], owner: "robot", dueOffsetDays: "366" },
      { ...fields[3], kind: "", required: "maybe" },
      { ...fields[4], kind: "document", owner: "manager" },
    ];
    expect(issuesOf({ version: "1", tasks })).toEqual({
      "tasks.1.title": CHECKLIST_MESSAGES.title,
      "tasks.2.owner": CHECKLIST_MESSAGES.owner,
      "tasks.2.dueOffsetDays": CHECKLIST_MESSAGES.due,
      "tasks.3.kind": CHECKLIST_MESSAGES.kind,
      "tasks.3.required": CHECKLIST_MESSAGES.required,
      "tasks.4.owner": CHECKLIST_MESSAGES.documentOwner,
    });
    for (const days of ["-1", "1.5", "", "1e2", "0x10"])
      expect(issuesOf({ version: "1", tasks: [{ ...fields[0], dueOffsetDays: days }] })).toEqual({
        "tasks.0.dueOffsetDays": CHECKLIST_MESSAGES.due,
      });
  });

  it("wants one to thirty steps", () => {
    expect(issuesOf({ version: "1" })).toEqual({ tasks: CHECKLIST_MESSAGES.none });
    expect(issuesOf({ version: "1", tasks: [] })).toEqual({ tasks: CHECKLIST_MESSAGES.none });
    expect(
      issuesOf({ version: "1", tasks: Array.from({ length: MAX_CHECKLIST_ITEMS + 1 }, () => fields[1]) }),
    ).toEqual({ tasks: CHECKLIST_MESSAGES.tooMany });
  });
});

describe("indexed form fields", () => {
  it("become rows in index order, with dots or brackets, gaps closed and far indexes dropped", () => {
    expect(
      nestIndexedFields({
        version: "2",
        "tasks.1.title": "second",
        "tasks[0].title": "first",
        "tasks.0.owner": "hr",
        "tasks.7.title": "after a gap",
        "tasks.100.title": "too far",
        "tasks.0.__proto__": "x",
      }),
    ).toEqual({
      version: "2",
      "tasks.0.__proto__": "x",
      tasks: [{ title: "first", owner: "hr" }, { title: "second" }, { title: "after a gap" }],
    });
  });
});

describe("editing the rows without JavaScript", () => {
  const posted = { version: "3", tasks: fields.slice(0, 3) };
  it("adds a blank row and focuses it; moves and removes; refuses unknown edits", () => {
    expect(editChecklistDraft(posted, "add")).toEqual({
      version: "3",
      tasks: [...fields.slice(0, 3), BLANK_TASK],
      focus: 3,
    });
    expect(editChecklistDraft(posted, "up:2")?.tasks).toEqual([fields[0], fields[2], fields[1]]);
    expect(editChecklistDraft(posted, "down:0")).toMatchObject({
      tasks: [fields[1], fields[0], fields[2]],
      focus: 1,
    });
    expect(editChecklistDraft(posted, "remove:1")?.tasks).toEqual([fields[0], fields[2]]);
    // Moves past the ends and removing the only step change nothing.
    expect(editChecklistDraft(posted, "up:0")?.tasks).toEqual(posted.tasks);
    expect(editChecklistDraft(posted, "down:2")?.tasks).toEqual(posted.tasks);
    expect(editChecklistDraft({ version: "3", tasks: [fields[0]] }, "remove:0")?.tasks).toEqual([fields[0]]);
    expect(editChecklistDraft(posted, "explode")).toBeNull();
    expect(editChecklistDraft(posted, "remove:999")).toBeNull();
  });
});
