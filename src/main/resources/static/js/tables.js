// Lists on phones: below 576 px wide, a table marked "table-stack" shows each row as a card (portal.css); each cell
// is labelled with its column's heading, copied here from the table's header.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('table.table-stack').forEach(function (table) {
    var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (headings[index] && !cell.hasAttribute('data-label')) {
          cell.setAttribute('data-label', headings[index]);
        }
      });
    });
  });
});
