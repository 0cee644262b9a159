#!/usr/bin/env ruby
# frozen_string_literal: true
# Reference renderer for the differential tests: Shopify Liquid (Debian's ruby-liquid 5.4).
#
#   ruby ruby_liquid_runner.rb TEMPLATE DATA.json        -> prints the rendered output
#   ruby ruby_liquid_runner.rb --cases CASES.jsonl ...   -> one JSON line per case:
#        {"name", "data_json", "output"} or {"name", "data_json", "error"}
#   ruby ruby_liquid_runner.rb --jsonl TEMPLATE DATA.jsonl  -> renders once per line
#
# Parsing uses error_mode :strict (what Mailwright implements). Time zone is UTC (TZ is
# forced) so dates agree with Mailwright's default.
ENV['TZ'] = 'UTC'
require 'json'
require 'liquid'

def parse(src)
  Liquid::Template.parse(src, error_mode: :strict, line_numbers: true)
end

def render(src, data)
  parse(src).render(data)
end

if ARGV[0] == '--cases'
  ARGV[1..].each do |file|
    File.foreach(file) do |line|
      next if line.strip.empty?
      c = JSON.parse(line)
      # data_json keeps the case's key order (Qt's JSON classes would sort the keys).
      res = { 'name' => c['name'], 'data_json' => JSON.generate(c['data'] || {}) }
      begin
        res['output'] = render(c['template'], c['data'] || {})
      rescue Liquid::Error => e
        res['error'] = e.to_s
      end
      puts JSON.generate(res)
    end
  end
elsif ARGV[0] == '--jsonl'
  t = parse(File.read(ARGV[1]))
  File.foreach(ARGV[2]) { |line| $stdout.write(t.render(JSON.parse(line))) }
else
  $stdout.write(render(File.read(ARGV[0]), ARGV[1] ? JSON.parse(File.read(ARGV[1])) : {}))
end
