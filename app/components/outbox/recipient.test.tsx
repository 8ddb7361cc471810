// @vitest-environment happy-dom
import { createRemixStub } from "@remix-run/testing";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Recipient, type RecipientOf } from "./recipient";

function inRouter(element: React.ReactElement) {
  const Stub = createRemixStub([{ path: "*", Component: () => <p data-testid="cell">{element}</p> }]);
  return render(<Stub initialEntries={["/staff/outbox"]} />);
}

const known: RecipientOf = {
  recipient: { name: "Ingrid Berg", href: "/staff/alumni/a1" },
  toName: "Ingrid",
  toAddress: "ingrid.berg@mail.example.org",
};

describe("who an email went to", () => {
  it("names the person with a link to their record, the address below", async () => {
    inRouter(<Recipient message={known} />);
    const link = await screen.findByRole("link", { name: "Ingrid Berg" });
    expect(link.getAttribute("href")).toBe("/staff/alumni/a1");
    expect(screen.getByTestId("cell").textContent).toBe("Ingrid Bergingrid.berg@mail.example.org");
  });

  it("writes the name the email was addressed to when there is no record to open", async () => {
    inRouter(
      <Recipient message={{ recipient: null, toName: "New Colleague", toAddress: "new@comeback.test" }} />,
    );
    const cell = await screen.findByTestId("cell");
    expect(screen.queryByRole("link")).toBeNull();
    expect(cell.textContent).toBe("New Colleaguenew@comeback.test");
  });

  it("is one line in a page's description", async () => {
    inRouter(<Recipient message={known} inline />);
    const cell = await screen.findByTestId("cell");
    expect(cell.textContent).toBe("Ingrid Berg <ingrid.berg@mail.example.org>");
    inRouter(<Recipient message={{ recipient: null, toName: null, toAddress: "x@comeback.test" }} inline />);
    expect(screen.getAllByTestId("cell")[1].textContent).toBe("<x@comeback.test>");
  });
});
