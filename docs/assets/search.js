/* The theme's search results scroll in an element that takes a Tab stop even while the
 * search is closed and invisible: give it one only while the search is open. */
(() => {
  const toggle = document.getElementById("__search")
  const wrap = document.querySelector(".md-search__scrollwrap")
  if (!toggle || !wrap) return
  const sync = () => { wrap.tabIndex = toggle.checked ? 0 : -1 }
  toggle.addEventListener("change", sync)
  sync()
})()
