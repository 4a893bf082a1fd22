# Reads every CSV of a release with R's readr, with the column types that
# datapackage.json declares. Run by tests/consumers/readr.ts:
#   Rscript tests/consumers/readr.R MANIFEST
# MANIFEST is tab-separated: path, readr compact column types (c, i, d, l),
# expected row count, expected column names joined by commas.
# Prints one line per check: "ok<TAB>check<TAB>detail" or "fail<TAB>check<TAB>detail".
suppressPackageStartupMessages(library(readr))

args <- commandArgs(trailingOnly = TRUE)
manifest <- read.delim(args[1], header = FALSE, sep = "\t", quote = "", colClasses = "character", col.names = c("path", "types", "rows", "columns"))

say <- function(ok, check, detail = "") {
  detail <- gsub("[\t\r\n]", " ", detail)
  cat(if (ok) "ok" else "fail", "\t", check, "\t", detail, "\n", sep = "")
}

expected_class <- c(c = "character", i = "integer", d = "numeric", l = "logical")

for (k in seq_len(nrow(manifest))) {
  m <- manifest[k, ]
  name <- basename(m$path)
  frame <- tryCatch(
    read_csv(m$path, col_types = m$types, na = c(""), trim_ws = FALSE, progress = FALSE, locale = locale(encoding = "UTF-8")),
    error = function(e) e
  )
  if (inherits(frame, "error")) {
    say(FALSE, paste("readr reads", name, "with the declared column types"), conditionMessage(frame))
    next
  }
  issues <- problems(frame)
  say(nrow(issues) == 0, paste("readr reads", name, "with the declared column types, no parsing problems"),
      if (nrow(issues) > 0) paste(head(paste0("row ", issues$row, " col ", issues$col, ": expected ", issues$expected, ", got ", issues$actual), 3), collapse = "; ") else "")
  say(nrow(frame) == as.integer(m$rows), paste("readr finds every row of", name), paste(nrow(frame), "vs", m$rows))
  say(identical(names(frame), strsplit(m$columns, ",", fixed = TRUE)[[1]]), paste("readr finds exactly the declared columns of", name), paste(head(names(frame), 4), collapse = ","))
  letters <- strsplit(m$types, "")[[1]]
  classes <- vapply(frame, function(column) class(column)[1], "")
  wrong <- which(classes != expected_class[letters])
  say(length(wrong) == 0, paste("readr gives", name, "the declared R types (text, integer, double, logical)"),
      paste(names(frame)[wrong], classes[wrong], collapse = "; "))
}
