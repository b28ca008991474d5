// validate_doc_update of the design document _design/afterword
// (afterword.json carries this function as text; a native test checks that
// the two agree). Keeps anything that is not an Afterword postmortem or
// custom template out of the team's database, and lets only the writer
// role (and admins) write.
function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  var admin = roles.indexOf("_admin") !== -1;
  if (newDoc._id.indexOf("_design/") === 0) {
    if (!admin) throw { forbidden: "Only an admin changes design documents." };
    return;
  }
  if (!admin && roles.indexOf("afterword-writer") === -1) {
    throw { forbidden: "Your account can read the team library but not change it (it needs the afterword-writer role)." };
  }
  if (newDoc._deleted) return;
  function need(ok, why) {
    if (!ok) throw { forbidden: "Not an Afterword postmortem: " + why + "." };
  }
  if (newDoc.type === "template") {
    need(typeof newDoc.id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(newDoc.id), "a template's \"id\" must be an id");
    need(newDoc._id === "template:" + newDoc.id, "\"_id\" must be \"template:\" followed by \"id\"");
    need(typeof newDoc.name === "string", "a template's \"name\" must be text");
    need(Array.isArray(newDoc.sections), "a template's \"sections\" must be a list");
    return;
  }
  need(newDoc.type === "postmortem", "\"type\" must be \"postmortem\"");
  need(typeof newDoc.id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(newDoc.id), "\"id\" must be a draft id");
  need(newDoc._id === "postmortem:" + newDoc.id, "\"_id\" must be \"postmortem:\" followed by \"id\"");
  need(typeof newDoc.schema_version === "number" && newDoc.schema_version >= 1, "\"schema_version\" must be a number");
  need(typeof newDoc.created_at === "string" && !isNaN(Date.parse(newDoc.created_at)), "\"created_at\" must be a time");
  need(typeof newDoc.updated_at === "string" && !isNaN(Date.parse(newDoc.updated_at)), "\"updated_at\" must be a time");
  var texts = ["title", "summary", "owner", "template", "edited_by"];
  for (var i = 0; i < texts.length; i++) {
    var v = newDoc[texts[i]];
    need(v === undefined || typeof v === "string", "\"" + texts[i] + "\" must be text");
  }
  var lists = ["participants", "timeline", "action_items", "links"];
  for (var j = 0; j < lists.length; j++) {
    var l = newDoc[lists[j]];
    need(l === undefined || Array.isArray(l), "\"" + lists[j] + "\" must be a list");
  }
  need(newDoc.trashed_at === undefined || newDoc.trashed_at === null || !isNaN(Date.parse(newDoc.trashed_at)), "\"trashed_at\" must be a time");
}
