;;; snn-mode.el --- Major mode for .snn spiking-neural-network models  -*- lexical-binding: t; -*-

;; This file holds `snn-mode' for the snnc language: syntax table (# comments, nestable #[ ]# blocks),
;; font-lock (keywords, numbers and their units, derivatives, declared names), indentation by brackets,
;; a flymake backend running `snnc check --format gcc -' on the buffer, `compile' support, and eglot's
;; command for `snnc lsp'.
;; Requires Emacs 26.1 or later.

;;; Code:

(require 'compile)
(require 'flymake)

(defgroup snn nil "Editing .snn models." :group 'languages :prefix "snn-")

(defcustom snn-snnc-program "snnc" "The snnc executable." :type 'string)
(defcustom snn-indent-offset 2 "Columns per bracket level." :type 'integer :safe #'integerp)

(defconst snn-reserved-keywords
  '("model" "neuron" "rule" "extends" "param" "state" "let" "const" "population" "input" "connect"
    "learn" "normalize" "dataset" "split" "train" "evaluate" "simulate" "record" "save" "load" "assign"
    "on" "with" "of" "to" "from" "by" "when" "while" "if" "else" "and" "or" "not" "true" "false")
  "Reserved keywords of Grammar/snn.ebnf: never names, never units.")

(defface snn-unit-face '((t :inherit font-lock-builtin-face)) "Face for the unit of a quantity.")
(defface snn-number-face '((t :inherit font-lock-constant-face)) "Face for numbers.")

(defvar snn-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; "#" starts a line comment (style a) and, before "[", a nestable block comment (style b) ended by "]#".
    (modify-syntax-entry ?# "< 14" st)
    (modify-syntax-entry ?\[ "(] 2bn" st)
    (modify-syntax-entry ?\] ")[ 3bn" st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?\\ "\\" st)
    (modify-syntax-entry ?_ "_" st)
    (dolist (c '(?+ ?- ?* ?/ ?^ ?= ?< ?> ?! ?% ?. ?, ?\; ?: ?$ ?@ ?? ?~ ?` ?' ?& ?|))
      (modify-syntax-entry c "." st))
    st)
  "Syntax table for `snn-mode'.")

(defun snn--syntax-propertize (start end)
  "End each unterminated string between START and END at its line end."
  (goto-char start)
  (while (re-search-forward "\"" end t)
    (let ((open (match-beginning 0)))
      (unless (nth 8 (save-excursion (syntax-ppss open)))
        (if (looking-at "\\(?:[^\"\\\n]\\|\\\\.\\)*\"")
            (goto-char (match-end 0))
          (skip-chars-forward "^\n")
          (put-text-property open (1+ open) 'syntax-table (string-to-syntax "|"))
          (unless (eobp) (put-text-property (point) (1+ (point)) 'syntax-table (string-to-syntax "|"))))))))

(defconst snn--ident "[[:alpha:]_]\\(?:\\sw\\|\\s_\\)*" "An identifier, Unicode letters included.")

(defun snn--match-unit (limit)
  "Find the next number with a unit before LIMIT.
Group 1 is the number, group 2 a percent sign, group 3 a unit."
  (let (found)
    (while (and (not found)
                (re-search-forward
                 (concat "\\_<\\([0-9][0-9_]*\\(?:\\.[0-9][0-9_]*\\)?\\(?:[eE][-+]?[0-9]+\\)?\\)"
                         "\\(?:\\(%\\)\\|[ \t]*\\(" snn--ident "\\(?:\\^-?[0-9]+\\)?"
                         "\\(?:[/*]" snn--ident "\\(?:\\^-?[0-9]+\\)?\\)*\\)\\)")
                 limit t))
      (let ((unit (match-string 3)))
        (unless (save-match-data
                  (or (nth 8 (syntax-ppss (match-beginning 0)))
                      (and unit (member (car (split-string unit "[/*^]")) snn-reserved-keywords))))
          (setq found t))
        (unless found (goto-char (match-end 1)))))
    found))

(defun snn--syntactic-face (state)
  "Face for the string or comment that STATE is in; ## comments are documentation."
  (cond ((nth 3 state) font-lock-string-face)
        ((save-excursion (goto-char (nth 8 state)) (looking-at-p "##")) font-lock-doc-face)
        (t font-lock-comment-face)))

(defconst snn-font-lock-keywords
  `((,(concat "\\_<\\(neuron\\|rule\\)\\_>[ \t]+\\(" snn--ident "\\)") (2 font-lock-type-face))
    (,(concat "\\_<\\(population\\|input\\|dataset\\)\\_>[ \t]+\\(" snn--ident "\\)[ \t]*=\\(?:[^=]\\|$\\)")
     (2 font-lock-type-face))
    (,(concat "\\_<extends\\_>[ \t]+\\(" snn--ident "\\)") (1 font-lock-type-face))
    (,(concat "\\_<\\(?:model\\|param\\|state\\|let\\|const\\)\\_>[ \t]+\\(" snn--ident "\\)")
     (1 font-lock-variable-name-face))
    (,(concat "\\_<d" snn--ident "/dt\\_>") . font-lock-function-name-face)
    ("\\.\\([[:alpha:]_]\\(?:\\sw\\|\\s_\\)*\\)" (1 'default))  ; iris.train: a member, even a keyword
    ("\\_<\\(?:true\\|false\\)\\_>" . font-lock-constant-face)
    (,(regexp-opt snn-reserved-keywords 'symbols) . font-lock-keyword-face)
    ("\\_<\\(spike\\)[ \t]+when\\_>" (1 font-lock-builtin-face))
    (,(concat "\\_<boost[ \t]+" snn--ident "[ \t]+\\(rate\\)\\_>") (1 font-lock-builtin-face))
    ("\\_<on[ \t]+\\(pre\\|post\\|reward\\|spike\\)\\_>" (1 font-lock-builtin-face))
    ("\\_<normalize[ \t]+\\(incoming\\|outgoing\\)\\_>" (1 font-lock-builtin-face))
    ("\\_<assign[ \t]+\\(labels\\)\\_>" (1 font-lock-builtin-face))
    ("\\(?:^\\|[{;,]\\)[ \t]*\\(reset\\|refractory\\|present\\|rest\\|reward\\|freeze\\|synaptic\\|pre\\|post\\|boost\\)\\_>[ \t]+\\(?:[^ \t=+*/-]\\|[-+][^=]\\)"
     (1 font-lock-builtin-face))
    (snn--match-unit (1 'snn-number-face) (2 'snn-unit-face nil t) (3 'snn-unit-face nil t))
    ("\\_<[0-9][0-9_]*\\(?:\\.[0-9][0-9_]*\\)?\\(?:[eE][-+]?[0-9]+\\)?" . 'snn-number-face))
  "Font-lock rules for `snn-mode'; the first rule to fontify a character wins.")

(defun snn-indent-line ()
  "Indent the current line: one level inside each bracket, relative to its opener.
At the top level, lines starting with learn, normalize or on continue a connect."
  (interactive)
  (let* ((open (nth 1 (save-excursion (syntax-ppss (line-beginning-position)))))
         (column (save-excursion
                   (back-to-indentation)
                   (cond (open (+ (save-excursion (goto-char open) (current-indentation))
                                  (if (looking-at-p "[])}]") 0 snn-indent-offset)))
                         ((looking-at-p "\\_<\\(?:learn\\|normalize\\|on\\)\\_>") snn-indent-offset)
                         (t 0)))))
    (if (<= (current-column) (current-indentation))
        (indent-line-to column)
      (save-excursion (indent-line-to column)))))

;;; Flymake

(defvar-local snn--flymake-proc nil "The running snnc check, if any.")

(defconst snn--diagnostic-regexp
  "^\\(.+?\\):\\([0-9]+\\):\\([0-9]+\\): \\(error\\|warning\\|note\\): \\(.*\\)$"
  "One line of `snnc check --format gcc': file, line, column, severity, message.")

(defun snn-flymake (report-fn &rest _args)
  "Flymake backend: check the buffer with `snnc check --format gcc -'.
Reports the diagnostics to REPORT-FN."
  (unless (executable-find snn-snnc-program)
    (error "Cannot find the snnc program `%s'" snn-snnc-program))
  (when (process-live-p snn--flymake-proc) (kill-process snn--flymake-proc))
  (let ((source (current-buffer))
        (name (or (buffer-file-name) (buffer-name))))
    (save-restriction
      (widen)
      (setq snn--flymake-proc
            (make-process
             :name "snn-flymake" :noquery t :connection-type 'pipe
             :buffer (generate-new-buffer " *snn-flymake*")
             :command (list snn-snnc-program "check" "--format" "gcc" "--stdin-filename" name "-")
             :sentinel
             (lambda (proc _event)
               (when (memq (process-status proc) '(exit signal))
                 (unwind-protect
                     (if (with-current-buffer source (eq proc snn--flymake-proc))
                         (funcall report-fn (snn--flymake-diagnostics source (process-buffer proc)))
                       (flymake-log :warning "Canceling obsolete check %s" proc))
                   (kill-buffer (process-buffer proc)))))))
      (process-send-region snn--flymake-proc (point-min) (point-max))
      (process-send-eof snn--flymake-proc))))

(defun snn--flymake-diagnostics (source output)
  "Flymake diagnostics for buffer SOURCE from the snnc lines in buffer OUTPUT."
  (with-current-buffer output
    (goto-char (point-min))
    (let (diags)
      (while (re-search-forward snn--diagnostic-regexp nil t)
        (let* ((line (string-to-number (match-string 2)))
               (col (string-to-number (match-string 3)))
               (kind (match-string 4))
               (msg (match-string 5))
               (region (flymake-diag-region source line col)))
          (when region
            (push (flymake-make-diagnostic
                   source (car region) (cdr region)
                   (pcase kind ("error" :error) ("warning" :warning) (_ :note)) msg)
                  diags))))
      (nreverse diags))))

;;; Compilation

(add-to-list 'compilation-error-regexp-alist-alist
             '(snnc "^\\([^: \t\n][^:\n]*\\):\\([0-9]+\\):\\([0-9]+\\): \\(?:error\\|\\(warning\\)\\|\\(note\\)\\): "
                    1 2 3 (4 . 5)))
(add-to-list 'compilation-error-regexp-alist 'snnc)

;;;###autoload
(define-derived-mode snn-mode prog-mode "SNN"
  "Major mode for .snn models of spiking neural networks (snnc)."
  :syntax-table snn-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "#+\\[?[ \t]*")
  (setq-local comment-use-syntax t)
  (setq-local font-lock-defaults
              '(snn-font-lock-keywords nil nil nil nil
                (font-lock-syntactic-face-function . snn--syntactic-face)))
  (setq-local syntax-propertize-function #'snn--syntax-propertize)
  (setq-local indent-line-function #'snn-indent-line)
  (setq-local electric-indent-chars (append "}])" electric-indent-chars))
  (when buffer-file-name
    (setq-local compile-command
                (concat snn-snnc-program " check --format gcc " (shell-quote-argument buffer-file-name))))
  (add-hook 'flymake-diagnostic-functions #'snn-flymake nil t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.snn\\'" . snn-mode))

;; Language server: `snnc lsp' through eglot (built into Emacs 29; a package before): `M-x eglot' in a .snn
;; buffer, or (add-hook 'snn-mode-hook #'eglot-ensure), gives diagnostics, hover, definitions, references,
;; rename, completion, signature help, imenu and `eglot-format-buffer'.
(defvar eglot-server-programs)
(defun snn-lsp-contact (&optional _interactive)
  "The command that starts snnc's language server, for eglot."
  (list snn-snnc-program "lsp"))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(snn-mode . snn-lsp-contact)))

(provide 'snn-mode)
;;; snn-mode.el ends here
