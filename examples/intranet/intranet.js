// The intranet's own script: remembers a preference under its own key and
// forwards what Afterword saves and exports (here: a visible log; a real
// page would send it to the wiki).
localStorage.setItem("intranet:prefs", JSON.stringify({ compact: true }));

const log = document.getElementById("forwarded-log");
function record(text) {
  const item = document.createElement("li");
  item.textContent = text;
  log.append(item);
  while (log.children.length > 5) log.firstElementChild.remove();
}

document.addEventListener("afterword-saved", (event) => {
  const { namespace, title } = event.detail;
  record(`Saved in ${namespace}: ${title || "Untitled postmortem"}`);
});
document.addEventListener("afterword-exported", (event) => {
  const { namespace, fileName, content } = event.detail;
  record(`Exported from ${namespace}: ${fileName} (${content.length} characters)`);
});
