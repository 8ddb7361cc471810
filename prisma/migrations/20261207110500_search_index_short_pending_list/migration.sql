-- New search texts wait in the trigram index's pending list until it is full, and the insert that
-- fills it moves the whole list into the index: with the default 4 MB, every fifth or sixth step of
-- an import's writing held the embedded database 0.2-0.5 s instead of ~70 ms, and every search
-- meanwhile read the whole list. A 256 kB list is moved in many short pieces (ADR 089).
ALTER INDEX "Alumnus_searchText_idx" SET (gin_pending_list_limit = 256);
