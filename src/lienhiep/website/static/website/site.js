// The menu button of a phone: shows and hides the link row (without script, the row stays open).
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector(".site-menu-button");
  const menu = document.getElementById("site-menu");
  if (!button || !menu) return;
  document.documentElement.classList.add("has-menu-button");
  button.hidden = false;
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-open", open);
  });
});
